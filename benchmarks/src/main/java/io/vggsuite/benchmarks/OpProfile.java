package io.vggsuite.benchmarks;

import ai.djl.pytorch.jni.JniUtils;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.vggsuite.model.VggSpec;
import io.vggsuite.train.ComputeThroughput;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a compute-only training step spends its time, by PyTorch operator: PyTorch's own profiler
 * (through DJL) records the timed steps of {@link ComputeThroughput}, and each operator's self
 * time (its span less the operators it called) is summed. What the operators do not cover is the
 * Java side: DJL's calls, the trainer's bookkeeping, garbage collection.
 */
final class OpProfile {

    /** One operator's self time over the profiled steps. */
    record Op(String name, double millisPerStep, double callsPerStep) {}

    /** The operators by self time, most first, and the wall time per step they sit in. */
    record Profile(List<Op> ops, double wallMillisPerStep) {
        double operatorMillisPerStep() {
            return ops.stream().mapToDouble(Op::millisPerStep).sum();
        }

        /** Self time per step of the operators whose name is one of {@code names}. */
        double millisPerStep(String... names) {
            List<String> wanted = List.of(names);
            return ops.stream().filter(op -> wanted.contains(op.name())).mapToDouble(Op::millisPerStep).sum();
        }
    }

    private OpProfile() {}

    /** Profiles {@code steps} compute-only steps after {@code warmup} unprofiled ones. */
    static Profile of(VggSpec spec, int batchSize, int warmup, int steps, Path trace) throws IOException {
        double imagesPerSecond = ComputeThroughput.imagesPerSecond(spec, batchSize, warmup, steps, () -> {
            JniUtils.startProfile(false, false, false);
            return () -> JniUtils.stopProfile(trace.toString());
        });
        return new Profile(selfTimes(trace, steps), 1000.0 * batchSize / imagesPerSecond);
    }

    /** Self times from a Chrome trace: complete events nest by time on each thread. */
    static List<Op> selfTimes(Path trace, int steps) throws IOException {
        JsonElement root;
        try (Reader reader = Files.newBufferedReader(trace, StandardCharsets.UTF_8)) {
            root = JsonParser.parseReader(reader);
        }
        Iterable<JsonElement> events = root.isJsonObject()
                ? root.getAsJsonObject().getAsJsonArray("traceEvents") : root.getAsJsonArray();
        Map<String, List<Span>> byThread = new HashMap<>();
        for (JsonElement element : events) {
            JsonObject event = element.getAsJsonObject();
            if (!event.has("ph") || !event.get("ph").getAsString().equals("X")) {
                continue;
            }
            byThread.computeIfAbsent(event.get("pid") + "/" + event.get("tid"), k -> new ArrayList<>())
                    .add(new Span(event.get("name").getAsString(), event.get("ts").getAsDouble(),
                            event.get("dur").getAsDouble()));
        }
        Map<String, double[]> totals = new HashMap<>(); // name -> {self microseconds, calls}
        for (List<Span> spans : byThread.values()) {
            spans.sort(Comparator.comparingDouble(Span::start).thenComparing(Span::duration, Comparator.reverseOrder()));
            Deque<Span> open = new ArrayDeque<>();
            for (Span span : spans) {
                while (!open.isEmpty() && open.peek().end() <= span.start()) {
                    open.pop();
                }
                if (!open.isEmpty()) {
                    totals.computeIfAbsent(open.peek().name(), k -> new double[2])[0] -= span.duration();
                }
                double[] total = totals.computeIfAbsent(span.name(), k -> new double[2]);
                total[0] += span.duration();
                total[1]++;
                open.push(span);
            }
        }
        List<Op> ops = new ArrayList<>();
        totals.forEach((name, total) -> ops.add(new Op(name, total[0] / 1000.0 / steps, total[1] / steps)));
        ops.sort(Comparator.comparingDouble(Op::millisPerStep).reversed());
        return ops;
    }

    private record Span(String name, double start, double duration) {
        double end() {
            return start + duration;
        }
    }
}
