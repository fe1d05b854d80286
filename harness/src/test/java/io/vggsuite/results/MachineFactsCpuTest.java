package io.vggsuite.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a run's provenance says about the CPU, read from other machines' /proc/cpuinfo and sysfs:
 * enough to explain why two machines give one seed different numbers.
 */
class MachineFactsCpuTest {

    /** Two of an AWS Sapphire Rapids's processors (flags abridged, in the kernel's order). */
    private static final String INTEL_XEON = """
            processor\t: 0
            vendor_id\t: GenuineIntel
            cpu family\t: 6
            model\t\t: 143
            model name\t: Intel(R) Xeon(R) Platinum 8488C
            stepping\t: 8
            microcode\t: 0x2b000590
            cpu MHz\t\t: 2400.000
            cache size\t: 107520 KB
            flags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr \
            sse sse2 ss ht syscall nx pdpe1gb rdtscp lm constant_tsc rep_good nopl xtopology nonstop_tsc cpuid \
            aperfmperf tsc_known_freq pni pclmulqdq ssse3 fma cx16 pcid sse4_1 sse4_2 x2apic movbe popcnt \
            tsc_deadline_timer aes xsave avx f16c rdrand hypervisor lahf_lm abm 3dnowprefetch invpcid_single \
            ssbd ibrs ibpb stibp ibrs_enhanced fsgsbase tsc_adjust bmi1 avx2 smep bmi2 erms invpcid avx512f \
            avx512dq rdseed adx smap avx512ifma clflushopt clwb avx512cd sha_ni avx512bw avx512vl xsaveopt \
            xsavec xgetbv1 xsaves avx_vnni avx512_bf16 wbnoinvd ida arat avx512vbmi umip pku ospke waitpkg \
            avx512_vbmi2 gfni vaes vpclmulqdq avx512_vnni avx512_bitalg tme avx512_vpopcntdq rdpid \
            cldemote movdiri movdir64b md_clear serialize amx_bf16 avx512_fp16 amx_tile amx_int8 flush_l1d \
            arch_capabilities
            bogomips\t: 4800.00

            processor\t: 1
            vendor_id\t: GenuineIntel
            cpu family\t: 6
            model\t\t: 143
            model name\t: Intel(R) Xeon(R) Platinum 8488C
            stepping\t: 8
            flags\t\t: fpu sse sse2
            """;

    /** One processor of the AMD EPYC (Zen 5) the suite's published results ran on (flags abridged). */
    private static final String AMD_EPYC = """
            processor\t: 0
            vendor_id\t: AuthenticAMD
            cpu family\t: 26
            model\t\t: 2
            model name\t: AMD EPYC
            stepping\t: 1
            cpu MHz\t\t: 2095.999
            cache size\t: 1024 KB
            flags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep pge mca cmov pat pse36 clflush mmx fxsr sse \
            sse2 ht syscall nx mmxext lm constant_tsc rep_good nopl pni pclmulqdq ssse3 fma cx16 sse4_1 sse4_2 \
            x2apic movbe popcnt aes xsave avx f16c rdrand hypervisor lahf_lm bmi1 avx2 bmi2 erms avx512f \
            avx512dq adx avx512ifma clflushopt clwb avx512cd sha_ni avx512bw avx512vl xsaveopt xsavec xgetbv1 \
            avx_vnni avx512_bf16 clzero avx512vbmi avx512_vbmi2 gfni vaes vpclmulqdq avx512_vnni avx512_bitalg \
            avx512_vpopcntdq movdiri movdir64b fsrm avx512_vp2intersect
            bogomips\t: 4191.99

            """;

    /** An Arm (Neoverse V1) kernel's cpuinfo: no vendor, family, model name or stepping lines. */
    private static final String ARM_NEOVERSE = """
            processor\t: 0
            BogoMIPS\t: 2100.00
            Features\t: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid asimdrdm \
            jscvt fcma lrcpc dcpop sha3 sm3 sm4 asimddp sha512 sve asimdfhm dit uscat ilrcpc flagm ssbs \
            paca pacg dcpodp svei8mm svebf16 i8mm bf16 dgh rng
            CPU implementer\t: 0x41
            CPU architecture: 8
            CPU variant\t: 0x1
            CPU part\t: 0xd40
            CPU revision\t: 1
            """;

    @Test
    void anIntelXeonIsNamedByVendorFamilyModelAndSteppingOfItsFirstProcessor() {
        Map<String, String> cpu = MachineFacts.cpu(INTEL_XEON);
        assertEquals("GenuineIntel", cpu.get(ProvenanceKeys.CPU_VENDOR));
        assertEquals("Intel(R) Xeon(R) Platinum 8488C", cpu.get(ProvenanceKeys.CPU_MODEL));
        assertEquals("6", cpu.get(ProvenanceKeys.CPU_FAMILY));
        assertEquals("143", cpu.get(ProvenanceKeys.CPU_MODEL_NUMBER));
        assertEquals("8", cpu.get(ProvenanceKeys.CPU_STEPPING));
    }

    @Test
    void anIntelXeonsVectorExtensionsAreListedInTheFixedOrderNotTheKernels() {
        assertEquals("sse4_1 sse4_2 avx avx2 fma f16c avx_vnni avx512f avx512cd avx512bw avx512dq avx512vl "
                + "avx512_vnni avx512_bf16 avx512_fp16 amx_tile amx_bf16 amx_int8",
                MachineFacts.cpu(INTEL_XEON).get(ProvenanceKeys.CPU_VECTOR_EXTENSIONS),
                "the first processor's flags, AMX included; the second processor's short list is not read");
    }

    @Test
    void anAmdEpycHasAvx512ButNoAmxAndOnlyTheExtensionsThatChooseKernelsAreKept() {
        Map<String, String> cpu = MachineFacts.cpu(AMD_EPYC);
        assertEquals("AuthenticAMD", cpu.get(ProvenanceKeys.CPU_VENDOR));
        assertEquals("AMD EPYC", cpu.get(ProvenanceKeys.CPU_MODEL));
        assertEquals("26", cpu.get(ProvenanceKeys.CPU_FAMILY));
        assertEquals("2", cpu.get(ProvenanceKeys.CPU_MODEL_NUMBER));
        assertEquals("1", cpu.get(ProvenanceKeys.CPU_STEPPING));
        assertEquals("sse4_1 sse4_2 avx avx2 fma f16c avx_vnni avx512f avx512cd avx512bw avx512dq avx512vl "
                + "avx512_vnni avx512_bf16", cpu.get(ProvenanceKeys.CPU_VECTOR_EXTENSIONS),
                "avx512ifma, avx512vbmi, gfni, … are flags oneDNN's kernel choice does not turn on");
    }

    @Test
    void anArmCpuHasItsFeaturesListedAndWhatItsKernelDoesNotPrintIsUnknown() {
        Map<String, String> cpu = MachineFacts.cpu(ARM_NEOVERSE);
        assertEquals("asimd asimddp asimdhp sve bf16 i8mm", cpu.get(ProvenanceKeys.CPU_VECTOR_EXTENSIONS));
        for (String key : List.of(ProvenanceKeys.CPU_VENDOR, ProvenanceKeys.CPU_MODEL, ProvenanceKeys.CPU_FAMILY,
                ProvenanceKeys.CPU_MODEL_NUMBER, ProvenanceKeys.CPU_STEPPING)) {
            assertEquals(ProvenanceKeys.UNKNOWN, cpu.get(key), key);
        }
    }

    @Test
    void withoutCpuinfoEveryCpuFactIsUnknownAndFlagsWithoutVectorExtensionsAreNone() {
        assertTrue(MachineFacts.cpu("").values().stream().allMatch(ProvenanceKeys.UNKNOWN::equals),
                () -> MachineFacts.cpu("").toString());
        assertEquals("none", MachineFacts.vectorExtensions("fpu vme de pse tsc sse sse2"));
    }

    @Test
    void theL2AndL3SizesComeFromTheDataOrUnifiedCachesOfThoseLevels() {
        List<MachineFacts.Cache> xeon = List.of(new MachineFacts.Cache("1", "Data", "48K"),
                new MachineFacts.Cache("1", "Instruction", "32K"), new MachineFacts.Cache("2", "Unified", "2048K"),
                new MachineFacts.Cache("3", "Unified", "107520K"));
        assertEquals(Map.of(ProvenanceKeys.CPU_CACHE_L2, "2048K", ProvenanceKeys.CPU_CACHE_L3, "107520K"),
                MachineFacts.caches(xeon));
        List<MachineFacts.Cache> epyc = List.of(new MachineFacts.Cache("1", "Data", "48K"),
                new MachineFacts.Cache("1", "Instruction", "32K"), new MachineFacts.Cache("2", "Unified", "1024K"),
                new MachineFacts.Cache("3", "Unified", "32768K"));
        assertEquals(Map.of(ProvenanceKeys.CPU_CACHE_L2, "1024K", ProvenanceKeys.CPU_CACHE_L3, "32768K"),
                MachineFacts.caches(epyc));
    }

    @Test
    void aCacheLevelSysfsDoesNotListIsUnknownAndAnInstructionCacheDoesNotCount() {
        List<MachineFacts.Cache> noL3 = List.of(new MachineFacts.Cache("2", "Instruction", "64K"),
                new MachineFacts.Cache("2", "Data", "512K"));
        assertEquals(Map.of(ProvenanceKeys.CPU_CACHE_L2, "512K", ProvenanceKeys.CPU_CACHE_L3, ProvenanceKeys.UNKNOWN),
                MachineFacts.caches(noL3));
        assertEquals(Map.of(ProvenanceKeys.CPU_CACHE_L2, ProvenanceKeys.UNKNOWN,
                ProvenanceKeys.CPU_CACHE_L3, ProvenanceKeys.UNKNOWN), MachineFacts.caches(List.of()));
    }

    @Test
    void getconfsBytesAreWrittenAsSysfsWritesSizesAndZeroOrBlankIsUnknown() {
        assertEquals(java.util.Optional.of("1024K"), MachineFacts.kibibytes("1048576\n"));
        assertEquals(java.util.Optional.empty(), MachineFacts.kibibytes("0"));
        assertEquals(java.util.Optional.empty(), MachineFacts.kibibytes(""));
    }

    @Test
    void oneDnnsCapIsTheVariablesValueTheLegacyNamesWhenOnlyThatIsSetElseNone() {
        assertEquals("AVX2", MachineFacts.onednnCap(Map.of(ProvenanceKeys.ONEDNN_MAX_CPU_ISA_VARIABLE, "AVX2",
                MachineFacts.LEGACY_ONEDNN_VARIABLE, "AVX512_CORE")));
        assertEquals("AVX512_CORE (from DNNL_MAX_CPU_ISA)",
                MachineFacts.onednnCap(Map.of(MachineFacts.LEGACY_ONEDNN_VARIABLE, "AVX512_CORE")));
        assertEquals("none (oneDNN picks the CPU's best)", MachineFacts.onednnCap(Map.of()));
    }

    @Test
    void atensWidthIsTheVariablesValueWhereSetElseTheWidestItsKernelsCanUseOnTheseExtensions() {
        String zen3 = "sse4_1 sse4_2 avx avx2 fma f16c";
        String zen5 = zen3 + " avx512f avx512cd avx512bw avx512dq avx512vl avx512_vnni avx512_bf16";
        assertEquals("avx2", MachineFacts.atenCapability(Map.of("ATEN_CPU_CAPABILITY", " AVX2 "), zen5));
        assertEquals("avx512 (ATen picks the CPU's best)", MachineFacts.atenCapability(Map.of(), zen5));
        assertEquals("avx2 (ATen picks the CPU's best)", MachineFacts.atenCapability(Map.of(), zen3));
        assertEquals("avx2 (ATen picks the CPU's best)",
                MachineFacts.atenCapability(Map.of(), zen3 + " avx512f avx512cd"), "AVX-512 without bw, dq, vl");
        assertEquals("default (ATen picks the CPU's best)", MachineFacts.atenCapability(Map.of(), "asimd asimddp sve"));
        assertEquals("unknown", MachineFacts.atenCapability(Map.of(), "unknown"));
    }

    @Test
    void collectRecordsEveryMachineFactOnThisMachineAndThreadCountsAsNumbers() {
        Provenance provenance = Provenance.builder().collect().build();
        for (String key : ProvenanceKeys.MACHINE) {
            assertTrue(provenance.get(key).filter(v -> !v.isBlank()).isPresent(), key);
        }
        assertTrue(provenance.require(ProvenanceKeys.THREADS_INTRA_OP).matches("[1-9][0-9]*"),
                provenance.require(ProvenanceKeys.THREADS_INTRA_OP));
        assertTrue(provenance.require(ProvenanceKeys.THREADS_INTER_OP).matches("[1-9][0-9]*"),
                provenance.require(ProvenanceKeys.THREADS_INTER_OP));
        assertEquals(MachineFacts.onednnCap(System.getenv()), provenance.require(ProvenanceKeys.ONEDNN_MAX_CPU_ISA));
        assertEquals(MachineFacts.atenCapability(System.getenv(), provenance.require(ProvenanceKeys.CPU_VECTOR_EXTENSIONS)),
                provenance.require(ProvenanceKeys.ATEN_CPU_CAPABILITY));
    }
}
