package com.vetacrm.testsupport;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Base of browserless view tests. Sign in a demo user for a test with
 * {@code @WithUserDetails(value = DemoUsers.MANAGER)}; the real user store loads it.
 */
@SpringBootTest
@TestExecutionListeners(listeners = ResetDatabaseListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public abstract class ViewTest extends SpringBrowserlessTest {
}
