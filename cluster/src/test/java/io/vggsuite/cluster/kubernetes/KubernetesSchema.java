package io.vggsuite.cluster.kubernetes;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads manifests into the Kubernetes API's own types (fabric8's model, generated from the API's
 * OpenAPI schema) and rejects every field the schema does not know. fabric8 keeps unknown fields
 * in each object's {@code additionalProperties} instead of failing, so the check walks the whole
 * object tree and fails on the first non-empty one, naming its path; a value of the wrong type
 * fails in Jackson already.
 */
final class KubernetesSchema {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private KubernetesSchema() {}

    /** Every document of {@code yaml} as its API type. */
    static List<HasMetadata> read(String yaml) throws IOException {
        List<HasMetadata> objects = new ArrayList<>();
        try (MappingIterator<Map<String, Object>> docs = YAML.readerForMapOf(Object.class).readValues(yaml)) {
            while (docs.hasNext()) {
                Map<String, Object> doc = docs.next();
                if (doc == null || doc.isEmpty()) {
                    continue;
                }
                Class<? extends HasMetadata> type = switch (doc.get("apiVersion") + "/" + doc.get("kind")) {
                    case "batch/v1/Job" -> Job.class;
                    case "v1/PersistentVolumeClaim" -> PersistentVolumeClaim.class;
                    default -> throw new IllegalArgumentException("unexpected object " + doc.get("apiVersion")
                            + " " + doc.get("kind"));
                };
                HasMetadata object = YAML.convertValue(doc, type);
                requireNoUnknownFields(object, doc.get("kind") + "/" + object.getMetadata().getName());
                objects.add(object);
            }
        }
        return objects;
    }

    private static void requireNoUnknownFields(Object value, String path) {
        if (value == null || !value.getClass().getName().startsWith("io.fabric8.")) {
            if (value instanceof Collection<?> items) {
                int i = 0;
                for (Object item : items) {
                    requireNoUnknownFields(item, path + "[" + i++ + "]");
                }
            } else if (value instanceof Map<?, ?> map) {
                map.forEach((k, v) -> requireNoUnknownFields(v, path + "." + k));
            }
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object field;
            try {
                field = getter.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    throw new IllegalArgumentException(path + ": field(s) " + unknown.keySet()
                            + " are not in the Kubernetes schema of " + value.getClass().getSimpleName());
                }
                continue;
            }
            requireNoUnknownFields(field, path + "." + decapitalise(getter.getName().substring(3)));
        }
    }

    private static String decapitalise(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
