package org.isrcregistry.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuUseTest {

    @Test
    void theCpuSpentOnWorkIsCountedPerUnitAndTheMachineIsSeenBusy() {
        CpuUse cpu = new CpuUse(ProcessHandle.current().pid());
        CpuUse.Sample from = cpu.sample();
        // Spins until the JVM's own clock counts 0.3 s of this thread's CPU (the machine may be shared).
        var thread = java.lang.management.ManagementFactory.getThreadMXBean();
        long spent = thread.getCurrentThreadCpuTime() + 300_000_000L;
        long sum = 0;
        while (thread.getCurrentThreadCpuTime() < spent) {
            sum += Long.numberOfTrailingZeros(sum + System.nanoTime());
        }
        CpuUse.Sample to = cpu.sample();
        assertTrue(sum > 0);
        // This process is both "registry" and harness here: /proc counts those 0.3 s (30 ticks) too.
        assertTrue(to.bench() - from.bench() >= 25, () -> "harness ticks " + (to.bench() - from.bench()));
        assertTrue(to.registry() - from.registry() >= 25, () -> "registry ticks " + (to.registry() - from.registry()));
        assertTrue(to.machineBusy() > from.machineBusy());

        Results results = new Results(Map.of(), false);
        cpu.report(results, "spin", from, to, 10, "unit");
        String table = results.table();
        for (String figure : new String[] {"spin: machine busy", "spin: harness CPU per unit",
                "spin: registry JVM CPU per unit", "spin: PostgreSQL CPU per unit"}) {
            assertTrue(table.contains(figure), figure);
        }
    }
}
