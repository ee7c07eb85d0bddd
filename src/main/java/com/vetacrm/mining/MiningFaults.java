package com.vetacrm.mining;

import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A fault-injection point inside a mining job's transaction, just before it commits: off (does nothing)
 * unless a test sets an action, to prove that a failure or a crash at the worst moment leaves no lead, no
 * charge and no open hold behind (DESIGN §5.4).
 * <p>
 * For tests that work on real processes (a node killed with SIGKILL, the database restarted under a job), the
 * setting {@code veta.mining.faults.pause-file} (empty, off, by default) names a file: while it exists, a job
 * that has written everything logs {@value #PAUSED}{@code <id> (<number>)} and waits, its transaction open; once
 * the file is gone it goes on and commits. Nothing else changes. A node started with it says so in a warning; it
 * has no use in production (docs/mining.md, docs/operations.md).
 */
@Component
public class MiningFaults {

    /** What a paused job logs, followed by the request's id and number: the line a test waits for. */
    public static final String PAUSED = "Mining fault injection: paused before commit, request ";

    private static final Logger log = LoggerFactory.getLogger(MiningFaults.class);
    private static final long PAUSE_CHECK_MS = 50;

    private final Path pauseFile;
    private volatile Runnable beforeCommit = () -> { };

    MiningFaults(@Value("${veta.mining.faults.pause-file:}") String pauseFile) {
        this.pauseFile = pauseFile == null || pauseFile.isBlank() ? null : Path.of(pauseFile.strip()).toAbsolutePath();
        if (this.pauseFile != null) {
            log.warn("Mining fault injection is on: jobs pause before commit while {} exists"
                    + " (veta.mining.faults.pause-file, for tests only)", this.pauseFile);
        }
    }

    /** Runs inside the job's transaction after everything is written. */
    void beforeCommit(long requestId, String number) {
        if (pauseFile != null && Files.exists(pauseFile)) {
            pause(requestId, number);
        }
        beforeCommit.run();
    }

    private void pause(long requestId, String number) {
        log.warn("{}{} ({}); goes on when {} is removed", PAUSED, requestId, number, pauseFile);
        try {
            while (Files.exists(pauseFile)) {
                Thread.sleep(PAUSE_CHECK_MS);
            }
        } catch (InterruptedException e) {
            // the node is stopping: leave the request to the next node, as a crash would
            Thread.currentThread().interrupt();
            throw new SimulatedCrash("Mining request " + requestId + " interrupted while paused before commit");
        }
        log.warn("Mining fault injection: request {} ({}) goes on to commit", requestId, number);
    }

    /** For tests: what to do before the next jobs commit (throw to fail them). */
    public void setBeforeCommit(Runnable action) {
        this.beforeCommit = action == null ? () -> { } : action;
    }

    /** A job dying here as if the process were killed: no failure handling runs, the request stays QUEUED. */
    public static class SimulatedCrash extends RuntimeException {
        public SimulatedCrash() {
            this("Simulated crash inside a mining job");
        }

        public SimulatedCrash(String message) {
            super(message);
        }
    }
}
