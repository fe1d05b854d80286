package io.vggsuite.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The one place the suite chooses where to compute: every GPU the engine reports, else the CPU.
 * Nothing else in the suite names a device.
 */
public final class Devices {

    private Devices() {}

    /** All GPUs DJL sees (the batch is split across them), or the CPU when there is none. */
    public static Device[] forTraining() {
        Engine engine = Engine.getInstance();
        return engine.getGpuCount() > 0 ? engine.getDevices() : new Device[] {Device.cpu()};
    }

    /** The device evaluation and single-device work run on: the first of {@link #forTraining()}. */
    public static Device primary() {
        return forTraining()[0];
    }

    /** "cpu", or "gpu(0)+gpu(1)" – for logs and provenance. */
    public static String describe(Device[] devices) {
        return Arrays.stream(devices).map(Device::toString).collect(Collectors.joining("+"));
    }
}
