package org.isrcregistry.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went during a measured run, from {@code /proc} (Linux): the registry's JVM, every PostgreSQL
 * process on the machine, this harness (the clients and the baseline's JDBC), and the machine's busy share. Divided by
 * what the run did, it says whether a figure is bound by CPU (the machine busy all along) and which process spent it:
 * what decides how the registry compares with the baseline on the same cores. Process time is read at both ends:
 * PostgreSQL's backends that ended in between are counted through their postmaster.
 */
final class CpuUse {

    /** Linux's USER_HZ: /proc reports CPU time in hundredths of a second on every architecture the JDK runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private final long registryPid;

    /** @param registryPid the registry's JVM, or -1 when the registry runs elsewhere */
    CpuUse(long registryPid) {
        this.registryPid = registryPid;
    }

    record Sample(long machineBusy, long machineAll, long registry, long postgres, long bench) {
    }

    /** What the machine, the registry, PostgreSQL and this harness had used so far, in ticks. */
    Sample sample() {
        long[] machine = machine();
        return new Sample(machine[0], machine[1], registryPid < 0 ? 0 : process(registryPid), postgres(),
                process(ProcessHandle.current().pid()));
    }

    /** The CPU each part spent per unit of work between two samples, as figures of the run. */
    void report(Results results, String run, Sample from, Sample to, long units, String unit) {
        double busy = (to.machineBusy() - from.machineBusy()) / (double) Math.max(1, to.machineAll() - from.machineAll());
        results.figure(run + ": machine busy", 100 * busy, "%");
        if (registryPid >= 0) {
            results.figure(run + ": registry JVM CPU per " + unit, millisPer(to.registry() - from.registry(), units),
                    "ms");
        }
        results.figure(run + ": PostgreSQL CPU per " + unit, millisPer(to.postgres() - from.postgres(), units), "ms");
        results.figure(run + ": harness CPU per " + unit, millisPer(to.bench() - from.bench(), units), "ms");
    }

    private static double millisPer(long ticks, long units) {
        return units == 0 ? 0 : ticks / TICKS_PER_SECOND * 1000 / units;
    }

    /** Busy and all ticks of every core (idle and iowait are not busy). */
    private static long[] machine() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long all = 0;
            long idle = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                long value = Long.parseLong(fields[i]);
                all += value;
                if (i == 4 || i == 5) {
                    idle += value;
                }
            }
            return new long[] {all - idle, all};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    private static long postgres() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(CpuUse::isPostgres)
                    .mapToLong(p -> process(Long.parseLong(p.getFileName().toString()), true)).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static boolean isPostgres(Path process) {
        try {
            return Files.readString(process.resolve("comm")).strip().startsWith("postgres");
        } catch (IOException e) {
            return false;
        }
    }

    private static long process(long pid) {
        return process(pid, false);
    }

    /**
     * utime + stime of the process (its threads included), fields 14 and 15 of /proc/pid/stat, and with {@code
     * children} cutime + cstime (16, 17), the time of its children that have ended: PostgreSQL's postmaster collects
     * there the backends of connections closed during the run (the baseline's), which are then counted once.
     */
    private static long process(long pid, boolean children) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may hold spaces: count fields from after its closing parenthesis.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12])
                    + (children ? Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : 0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
