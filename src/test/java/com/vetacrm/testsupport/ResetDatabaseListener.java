package com.vetacrm.testsupport;

import javax.sql.DataSource;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/** Gives every test class the database as a fresh installation has it. */
public class ResetDatabaseListener extends AbstractTestExecutionListener {

    @Override
    public void beforeTestClass(TestContext testContext) {
        DatabaseSnapshot.restore(testContext.getApplicationContext().getBean(DataSource.class));
    }

    @Override
    public int getOrder() {
        // after the dependency-injection listener has built the context
        return 5000;
    }
}
