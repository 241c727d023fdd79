#!/usr/bin/env python3
"""Runs commands in alternation and compares their wall and CPU time (docs/performance.md, C11).

    bench/alternate.py ROUNDS NAME 'COMMAND' [NAME 'COMMAND' ...]

One unmeasured run of each command first; then ROUNDS rounds, each running every command once (in
reverse order every other round), so that the machine's load falls on all of them alike. For each
command it prints the minimum, median and mean wall time and the mean, median and minimum CPU time
(user + sys of the process and its children, from wait4), in ms, and the load average at the end.
Output of the commands is discarded; a command is split like a shell word list (no shell runs it).
"""
import os
import shlex
import statistics
import sys
import time


def run(argv, devnull):
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        try:
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
    _, _, usage = os.wait4(pid, 0)
    return (time.perf_counter() - started) * 1000, (usage.ru_utime + usage.ru_stime) * 1000


def main():
    if len(sys.argv) < 4 or len(sys.argv) % 2 != 0:
        sys.exit(__doc__)
    rounds = int(sys.argv[1])
    commands = [(name, shlex.split(command)) for name, command in zip(sys.argv[2::2], sys.argv[3::2])]
    devnull = os.open(os.devnull, os.O_WRONLY)
    walls = {name: [] for name, _ in commands}
    cpus = {name: [] for name, _ in commands}
    for _, argv in commands:
        run(argv, devnull)
    for r in range(rounds):
        for name, argv in (commands if r % 2 == 0 else commands[::-1]):
            wall, cpu = run(argv, devnull)
            walls[name].append(wall)
            cpus[name].append(cpu)
    for name, _ in commands:
        w, c = walls[name], cpus[name]
        print("%-10s wall min %6.1f med %6.1f mean %6.1f | cpu mean %6.1f med %6.1f min %6.1f ms (n=%d)" % (
            name, min(w), statistics.median(w), statistics.mean(w),
            statistics.mean(c), statistics.median(c), min(c), len(w)))
    print("load average %s" % " ".join(open("/proc/loadavg").read().split()[:3]))


if __name__ == "__main__":
    main()
