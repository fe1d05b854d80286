# Sourced by ci/derive-baseline.sh and ci/check-under-perturbation.sh (not run on its own).
#
# A numeric perturbation: one label standing in for another machine, whose floating point takes
# another path through the same code (issue 30). A label is "default", the build's own settings
# (PyTorch's own intra-op thread count, which is the cores: 2 on the 2-core EPYC that derives the
# smoke baseline; oneDNN capped at AVX2 by the root pom), or comma-separated key=value pairs:
#   threads=N   PyTorch's intra-op threads: -Dai.djl.pytorch.num_threads=N. Surefire forwards a -D
#               user property to the test JVM as a system property (so does -Dablation.seeds), and
#               DJL's PtEngine calls setNumThreads with Integer.getInteger of it when the engine loads.
#   isa=CAP     oneDNN's instruction-set cap: -Donednn.max.cpu.isa=CAP, which the root pom puts in the
#               test JVM's ONEDNN_MAX_CPU_ISA (SSE41, AVX2, AVX512_CORE, ...). Above AVX2 the kernel
#               guard (train/KernelReproducibility) may refuse to train on a CPU whose AVX-512
#               convolution kernels are not reproducible; the run then fails, naming the variable.
# e.g. "threads=1,isa=AVX2", "threads=2,isa=SSE41". Labels name results folders, so they stay this plain.

# Sets the array PERTURBATION_FLAGS to LABEL's Maven flags; exits with a message if LABEL is not one.
perturbation_flags() {
  local label="$1" pair key value
  local -a pairs
  PERTURBATION_FLAGS=()
  [ "$label" = default ] && return 0
  IFS=, read -ra pairs <<<"$label"
  [ "${#pairs[@]}" -gt 0 ] || { echo "empty perturbation label" >&2; exit 2; }
  for pair in "${pairs[@]}"; do
    key="${pair%%=*}"
    value="${pair#*=}"
    case "$key" in
      threads)
        [[ "$pair" == *=* && "$value" =~ ^[1-9][0-9]*$ ]] \
          || { echo "perturbation '$label': threads takes a positive integer, got '$pair'" >&2; exit 2; }
        PERTURBATION_FLAGS+=("-Dai.djl.pytorch.num_threads=$value") ;;
      isa)
        [[ "$pair" == *=* && "$value" =~ ^[A-Z0-9_]+$ ]] \
          || { echo "perturbation '$label': isa takes a oneDNN cap such as SSE41 or AVX2, got '$pair'" >&2; exit 2; }
        PERTURBATION_FLAGS+=("-Donednn.max.cpu.isa=$value") ;;
      *)
        echo "perturbation '$label': unknown '$pair' (expected default, or threads=N and/or isa=CAP, comma-separated)" >&2
        exit 2 ;;
    esac
  done
}

# The budget's experiments only (not the regression check, which would compare against the baseline
# being replaced), into RESULTS/<budget>, reusing runs already complete there.
#   run_budget_experiments BUDGET SEEDS RESULTS [MAVEN_FLAG...]   (SEEDS "" = the budget's own seeds)
run_budget_experiments() {
  local budget="$1" seeds="$2" results="$3"
  shift 3
  local -a profile=() seed_flag=()
  [ "$budget" = smoke ] || profile=(-Pablation)
  [ -z "$seeds" ] || seed_flag=(-Dablation.seeds="$seeds")
  mvn -B -q "${profile[@]}" verify -pl harness,reports,experiments -Dtest='io.vggsuite.experiments.**,!ImagenetBudgetTest' \
    -Dsurefire.failIfNoSpecifiedTests=false -Dablation.budget="$budget" "${seed_flag[@]}" \
    -Dablation.results="$results" -Dablation.keepResults=true "$@"
}
