package com.vetacrm.mining;

import org.springframework.stereotype.Component;

/**
 * A fault-injection point inside a mining job's transaction, just before it commits: off (does nothing)
 * unless a test sets an action, to prove that a failure or a crash at the worst moment leaves no lead, no
 * charge and no open hold behind (DESIGN §5.4).
 */
@Component
public class MiningFaults {

    private volatile Runnable beforeCommit = () -> { };

    /** Runs inside the job's transaction after everything is written. */
    void beforeCommit() {
        beforeCommit.run();
    }

    /** For tests: what to do before the next jobs commit (throw to fail them). */
    public void setBeforeCommit(Runnable action) {
        this.beforeCommit = action == null ? () -> { } : action;
    }

    /** A job dying here as if the process were killed: no failure handling runs, the request stays QUEUED. */
    public static class SimulatedCrash extends RuntimeException {
        public SimulatedCrash() {
            super("Simulated crash inside a mining job");
        }
    }
}
