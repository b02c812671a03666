#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A one-node Slurm cluster on this machine, for the tests and for trying the
# README's job array: munged, slurmctld and slurmd (Debian's slurm-wlm and
# munge packages), with everything they write in one folder: slurm.conf, the
# munge key and socket, Slurm's state and spool, logs and pid files. No
# systemd, no cgroups, nothing under /etc or /run; two clusters can run at
# once (each takes two free ports).
#
#   scripts/slurm-local.sh start DIR   # then: source DIR/env; sbatch ...
#   scripts/slurm-local.sh stop DIR
#
# start makes DIR (it must not exist or be empty), writes DIR/env (which
# exports SLURM_CONF) and returns once sinfo shows the node idle; when the
# daemons do not come up within SLURM_LOCAL_TIMEOUT seconds (default 60) it
# prints their logs' last lines, stops them and exits 1. The node has all
# the cores and the memory slurmd sees (SelectType=select/cons_tres with
# CR_Core_Memory: one job per core).
# stop cancels the cluster's jobs, then ends the daemons by their pid files,
# and any process of the cluster left behind (a slurmstepd, a job's process).
# Run as root (the daemons run as root, as in a container with no systemd)
# or as an ordinary user (then the daemons and the jobs run as that user).
set -euo pipefail

usage() {
  echo "usage: $0 start|stop DIR" >&2
  exit 2
}
[ $# -eq 2 ] || usage
action=$1
dir=$2
timeout=${SLURM_LOCAL_TIMEOUT:-60}

# A TCP port that nothing on this machine uses (listening or connected):
# a random one from 20000 to 59999 that /proc/net/tcp{,6} does not list.
free_port() {
  local used port
  used=$(cat /proc/net/tcp /proc/net/tcp6 2>/dev/null |
    while read -r _ addr _; do
      [[ "$addr" == *:* ]] && echo $((16#${addr##*:}))
    done | sort -u)
  for _ in $(seq 200); do
    port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    if ! grep -qx "$port" <<<"$used" && [ "$port" != "${1:-}" ]; then
      echo "$port"
      return
    fi
  done
  echo "slurm-local: found no free TCP port" >&2
  return 1
}

# The last lines of each daemon's log, for an error message.
log_tails() {
  local f
  for f in "$dir"/log/*; do
    [ -s "$f" ] || continue
    echo "--- last lines of $f:"
    tail -n 15 "$f"
  done
}

# pid_of NAME: the pid in DIR/run/NAME.pid when that process still runs.
pid_of() {
  local pid
  pid=$(cat "$dir/run/$1.pid" 2>/dev/null) || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] && running "$pid" && echo "$pid"
}

# running PID: the process is there and not a zombie (which an init that
# reaps slowly may leave for a while).
running() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [ "${stat%% *}" != Z ]
}

# stop_pid PID: TERM, then KILL if it is still there after 10 s.
stop_pid() {
  local pid=$1
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 100); do
    running "$pid" || return 0
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
}

# The processes this cluster started that outlived their daemon: a
# slurmstepd (it clears its environment, but works in DIR/log, as slurmd
# does) or a job's process (SLURM_CONF=DIR/slurm.conf and a SLURM_JOB_ID).
leftovers() {
  local p cwd f
  for p in /proc/[0-9]*; do
    cwd=$(readlink "$p/cwd" 2>/dev/null) || continue
    [[ "$cwd" == "$dir"/* ]] || continue
    [[ "$(tr '\0' ' ' 2>/dev/null <"$p/cmdline")" == slurmstepd* ]] && echo "${p#/proc/}"
  done
  grep -lzxF "SLURM_CONF=$dir/slurm.conf" /proc/[0-9]*/environ 2>/dev/null |
    while read -r f; do
      grep -qz '^SLURM_JOB_ID=' "$f" 2>/dev/null && echo "${f//[^0-9]/}"
    done
  return 0
}

stop() {
  export SLURM_CONF="$dir/slurm.conf"
  # The jobs first, while slurmctld and slurmd can still end them.
  if pid_of slurmctld >/dev/null && command -v squeue >/dev/null; then
    local jobs
    jobs=$(timeout 10 squeue -h -o %A 2>/dev/null || true)
    if [ -n "$jobs" ]; then
      # shellcheck disable=SC2086
      timeout 10 scancel $jobs 2>/dev/null || true
      # Until none is pending, running or completing (10 s at most).
      for _ in $(seq 50); do
        [ -z "$(timeout 10 squeue -h -o %A 2>/dev/null || true)" ] && break
        sleep 0.2
      done
    fi
  fi
  local name pid
  for name in slurmd slurmctld munged; do
    if pid=$(pid_of "$name"); then stop_pid "$pid"; fi
  done
  # What is left has no daemon to answer to (a slurmstepd ignores TERM).
  for pid in $(leftovers); do kill -KILL "$pid" 2>/dev/null || true; done
}

start() {
  local name
  for name in munged slurmctld slurmd; do
    if ! command -v "$name" >/dev/null && [ ! -x "/usr/sbin/$name" ]; then
      echo "slurm-local: $name is not installed (Debian: apt-get install slurm-wlm munge)" >&2
      return 1
    fi
  done
  export PATH="$PATH:/usr/sbin:/sbin"
  if [ -e "$dir" ] && [ -n "$(ls -A "$dir")" ]; then
    echo "slurm-local: $dir exists and is not empty" >&2
    return 1
  fi
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd -P)
  mkdir -p "$dir"/{munge,state,spool,log,run,tmp}
  # munged wants every folder above its socket searchable by all, and its
  # own folder and key writable by its user only.
  chmod 755 "$dir" "$dir/munge"
  local user host ctld_port slurmd_port node mem cpus
  user=$(id -un)
  host=$(hostname -s)
  ctld_port=$(free_port)
  slurmd_port=$(free_port "$ctld_port")
  # This machine's CPUs, sockets, cores, threads and memory as slurmd sees
  # them, so that slurmd registers with exactly what it is configured with.
  node=$(slurmd -C | head -1 | sed -E 's/^NodeName=[^ ]+ //; s/ UpTime=.*//')
  mem=$(sed -nE 's/.*RealMemory=([0-9]+).*/\1/p' <<<"$node")
  cpus=$(sed -nE 's/.*CPUs=([0-9]+).*/\1/p' <<<"$node")
  if [ -z "$mem" ] || [ -z "$cpus" ]; then
    echo "slurm-local: cannot read this machine's CPUs and memory from slurmd -C: $node" >&2
    return 1
  fi

  head -c 1024 /dev/urandom >"$dir/munge/munge.key"
  chmod 600 "$dir/munge/munge.key"
  : >"$dir/plugstack.conf"
  cat >"$dir/slurm.conf" <<EOF
# A one-node cluster made by scripts/slurm-local.sh; everything in $dir.
ClusterName=hstaglocal
SlurmctldHost=$host(127.0.0.1)
SlurmUser=$user
SlurmdUser=$user
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.socket
CredType=cred/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
TmpFS=$dir/tmp
SlurmctldPidFile=$dir/run/slurmctld.pid
SlurmdPidFile=$dir/run/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
PlugStackConfig=$dir/plugstack.conf
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
MailProg=/bin/true
SchedulerType=sched/builtin
SchedulerParameters=batch_sched_delay=0
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
DefMemPerCPU=$((mem / cpus))
ReturnToService=2
# A cancelled job ends quickly. A job is kept MinJobAge s after it ends,
# and sbatch --wait polls every 2 s while MinJobAge / 2 <= 2 (then at 8 s).
KillWait=2
MinJobAge=5
NodeName=$host NodeAddr=127.0.0.1 $node State=UNKNOWN
PartitionName=local Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
  cat >"$dir/env" <<EOF
# The local Slurm cluster of scripts/slurm-local.sh: source this file, then
# sbatch, squeue, sinfo, scancel use it.
export SLURM_CONF=$dir/slurm.conf
EOF
  export SLURM_CONF="$dir/slurm.conf"

  local rc=0 start=$SECONDS
  munged --key-file="$dir/munge/munge.key" --socket="$dir/munge/munge.socket" \
    --pid-file="$dir/run/munged.pid" --log-file="$dir/log/munged.log" \
    --seed-file="$dir/munge/munged.seed" 2>>"$dir/log/start.log" || rc=$?
  if [ "$rc" = 0 ]; then
    slurmctld -f "$dir/slurm.conf" 2>>"$dir/log/start.log" || rc=$?
  fi
  if [ "$rc" = 0 ]; then
    slurmd -f "$dir/slurm.conf" -N "$host" 2>>"$dir/log/start.log" || rc=$?
  fi
  local state="" why="after ${timeout} s"
  if [ "$rc" = 0 ]; then
    while ((SECONDS < start + timeout)); do
      # A daemon that has exited will not come back (nor answer sinfo).
      for name in munged slurmctld slurmd; do
        if [ -s "$dir/run/$name.pid" ] || ((SECONDS > start + 2)); then
          pid_of "$name" >/dev/null || { why="$name exited"; break 2; }
        fi
      done
      state=$(timeout 5 sinfo -h -N -n "$host" -o %t 2>/dev/null || true)
      [ "$state" = idle ] && break
      sleep 0.2
    done
  else
    why="a daemon did not start: $(cat "$dir/log/start.log")"
  fi
  if [ "$state" != idle ]; then
    {
      echo "slurm-local: the cluster in $dir did not start (node state: ${state:-none}; $why)"
      log_tails
    } >&2
    stop
    return 1
  fi
  echo "slurm-local: node $host idle ($node) in $dir; ports $ctld_port (slurmctld) and $slurmd_port (slurmd); source $dir/env"
}

case "$action" in
  start) start ;;
  stop)
    [ -d "$dir" ] || { echo "slurm-local: no cluster folder $dir" >&2; exit 1; }
    dir=$(cd "$dir" && pwd -P)
    stop
    ;;
  *) usage ;;
esac
