package com.vetacrm.testsupport;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Base of service and repository tests: the whole application on the real (embedded) MariaDB,
 * with the database reset to a fresh installation before the class.
 */
@SpringBootTest
@TestExecutionListeners(listeners = ResetDatabaseListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public abstract class ServiceTest {
}
