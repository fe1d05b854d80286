package io.vggsuite.cluster.slurm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Slurm's job-completion log ({@code JobCompType=jobcomp/filetxt}): one line of {@code key=value}
 * fields per finished job, written by the controller. The test cluster keeps no accounting
 * database, so this is where the jobs' recorded submit, start and end times come from.
 */
record JobCompLog(List<Job> jobs) {

    /** One finished job; times at the controller's one-second resolution. */
    record Job(String jobId, String name, String state, LocalDateTime submit, LocalDateTime start,
            LocalDateTime end) {}

    /** The log's path from {@code scontrol show config}, when the cluster writes one. */
    static Optional<Path> location() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("scontrol", "show", "config").redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        String type = field(out, "JobCompType");
        String loc = field(out, "JobCompLoc");
        if (!"jobcomp/filetxt".equals(type) || loc.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Path.of(loc));
    }

    private static String field(String config, String key) {
        for (String line : config.split("\n")) {
            String[] kv = line.split("=", 2);
            if (kv.length == 2 && kv[0].strip().equals(key)) {
                return kv[1].strip();
            }
        }
        return "";
    }

    static JobCompLog read(Path file) throws IOException {
        List<Job> jobs = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            Map<String, String> f = new HashMap<>();
            for (String word : line.strip().split(" ")) {
                String[] kv = word.split("=", 2);
                if (kv.length == 2) {
                    f.put(kv[0], kv[1]);
                }
            }
            if (f.containsKey("JobId") && f.containsKey("StartTime") && !f.get("StartTime").equals("Unknown")) {
                jobs.add(new Job(f.get("JobId"), f.get("Name"), f.get("JobState"),
                        LocalDateTime.parse(f.get("SubmitTime")), LocalDateTime.parse(f.get("StartTime")),
                        LocalDateTime.parse(f.get("EndTime"))));
            }
        }
        return new JobCompLog(jobs);
    }

    Optional<Job> job(String jobId) {
        return jobs.stream().filter(j -> j.jobId().equals(jobId)).findFirst();
    }
}
