package io.vggsuite.cluster.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.vggsuite.ablation.Budget;
import io.vggsuite.cluster.Grid;
import io.vggsuite.cluster.Resources;
import io.vggsuite.train.DataCatalog;
import io.vggsuite.train.RunSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KubernetesManifestsTest {

    private static final String IMAGE = "registry.example/vgg-suite/cell@sha256:"
            + "0633d5cdf04f0633d5cdf04f0633d5cdf04f0633d5cdf04f0633d5cdf04f0633";

    private final Grid grid = Grid.of(Budget.SMOKE, new DataCatalog());
    private final KubernetesManifests manifests = new KubernetesManifests(grid,
            Resources.forBudget(Budget.SMOKE), IMAGE, "vgg-data", "5Gi");

    @Test
    void everyObjectDeserialisesIntoTheKubernetesTypesWithoutUnknownFields() throws Exception {
        List<HasMetadata> objects = KubernetesSchema.read(manifests.yaml());
        assertEquals(1 + grid.runs().size(), objects.size());
        PersistentVolumeClaim claim = (PersistentVolumeClaim) objects.get(0);
        assertEquals(List.of("ReadWriteMany"), claim.getSpec().getAccessModes());
        assertEquals("5Gi", claim.getSpec().getResources().getRequests().get("storage").toString());
    }

    @Test
    void eachRunIsAJobWhoseInitContainerWaitsForItsParentsCompletionMarker() throws Exception {
        List<HasMetadata> objects = KubernetesSchema.read(manifests.yaml());
        Map<String, Job> jobs = new HashMap<>();
        for (HasMetadata o : objects) {
            if (o instanceof Job job) {
                jobs.put(job.getMetadata().getAnnotations().get("vgg-suite/run-id"), job);
            }
        }
        assertEquals(grid.runs().stream().map(RunSpec::runId).collect(Collectors.toSet()), jobs.keySet());
        for (RunSpec spec : grid.runs()) {
            PodSpec pod = jobs.get(spec.runId()).getSpec().getTemplate().getSpec();
            assertTrue(Set.of("Never", "OnFailure").contains(pod.getRestartPolicy()), "a Job's pods never restart always");
            Container train = pod.getContainers().get(0);
            assertEquals(IMAGE, train.getImage());
            assertTrue(train.getArgs().containsAll(List.of("train-run", "--run-id", spec.runId())), train.getArgs().toString());
            assertEquals("2", train.getResources().getLimits().get("cpu").toString());
            Set<String> volumes = pod.getVolumes().stream().map(Volume::getName).collect(Collectors.toSet());
            for (Container c : concat(pod.getInitContainers(), pod.getContainers())) {
                for (VolumeMount m : c.getVolumeMounts()) {
                    assertTrue(volumes.contains(m.getName()), c.getName() + " mounts unknown volume " + m.getName());
                }
            }
            VolumeMount data = train.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/data"))
                    .findFirst().orElseThrow();
            assertTrue(data.getReadOnly(), "data is mounted read-only");
            if (spec.start().parent().isPresent()) {
                assertEquals(1, pod.getInitContainers().size(), spec.runId());
                String wait = String.join(" ", pod.getInitContainers().get(0).getCommand());
                assertTrue(wait.contains("grep -qx complete " + manifests.statusPath(spec.start().parent().get().runId())),
                        wait);
            } else {
                assertTrue(pod.getInitContainers().isEmpty(), spec.runId() + " starts at once");
            }
        }
    }

    @Test
    void theSchemaCheckRejectsAMisspelledField() {
        String yaml = manifests.yaml().replaceFirst("restartPolicy:", "restartPolicyy:");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KubernetesSchema.read(yaml));
        assertTrue(e.getMessage().contains("restartPolicyy"), e.getMessage());
    }

    @Test
    void anImageNotPinnedByDigestIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new KubernetesManifests(grid,
                Resources.forBudget(Budget.SMOKE), "vgg-suite/cell:latest", "vgg-data", "5Gi"));
        assertTrue(e.getMessage().contains("--image"), e.getMessage());
    }

    @Test
    void runIdsBecomeValidKubernetesNames() {
        assertEquals("vgg-a-lrn-w1-8-s256-glorot-s1-83d5e51c9842", KubernetesManifests.jobName("A_LRN-w1_8-S256-glorot-s1-83d5e51c9842"));
    }

    private static List<Container> concat(List<Container> a, List<Container> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
