#!/usr/bin/env bash
# Starts a one-node Slurm cluster on this machine for the cluster module's tests (issue 17):
# munged, slurmctld and slurmd from Debian's slurm-wlm, the node offering 2 CPUs. Idempotent: a
# running cluster is left alone. Exits non-zero (and the tests then skip, naming the reason) when
# a daemon does not come up.
set -euo pipefail

if ! command -v slurmctld >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null
fi

node="$(hostname -s)"
conf_dir=/etc/slurm
mkdir -p "$conf_dir" /var/lib/slurm/slurmctld /var/lib/slurm/slurmd /var/log/slurm /run/munge /var/log/munge
# No slurmdbd (it needs a database server): Slurm's own job-completion log records each job's
# state, start and end, and is what the tests read the DAG timeline from.
cat > "$conf_dir/slurm.conf" <<CONF
ClusterName=vggsuite
SlurmctldHost=${node}
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=/var/lib/slurm/slurmctld
SlurmdSpoolDir=/var/lib/slurm/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=/var/log/slurm/jobcomp.log
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU_Memory
MpiDefault=none
ReturnToService=2
# Short intervals: the tests wait for jobs, and a one-node cluster has nothing to protect.
SchedulerParameters=sched_interval=2
MinJobAge=30
KillWait=5
NodeName=${node} CPUs=2 RealMemory=12000 State=UNKNOWN
PartitionName=main Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
# slurmd 22.05 loads a cgroup plugin even with the linuxproc tracker ("disabled" is not known to
# it); without a cgroup.conf it autodetects the machine's cgroup version.
rm -f "$conf_dir/cgroup.conf"

if [ ! -s /etc/munge/munge.key ]; then
  mkdir -p /etc/munge
  dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
fi
chown -R munge:munge /etc/munge /run/munge /var/log/munge 2>/dev/null || true
chmod 0400 /etc/munge/munge.key
pgrep -x munged >/dev/null || su -s /bin/sh munge -c /usr/sbin/munged || /usr/sbin/munged --force
# -c: a fresh controller forgets the jobs of an earlier session (this cluster exists for the
# tests; jobs left queued by a stopped session would otherwise run again ahead of theirs).
pgrep -x slurmctld >/dev/null || slurmctld -c
pgrep -x slurmd >/dev/null || slurmd

for _ in $(seq 1 30); do
  if sinfo -h -o '%T' 2>/dev/null | grep -qE '^(idle|mixed|allocated)'; then
    sinfo
    exit 0
  fi
  sleep 1
done
echo "slurm-up: the node did not become idle; see /var/log/slurm/*.log" >&2
sinfo >&2 || true
exit 1
