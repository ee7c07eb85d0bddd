package com.vetacrm.testsupport;

/** The demo logins of a fresh installation, as README.md documents them. */
public final class DemoUsers {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-password";
    public static final String MANAGER = "manager";
    public static final String MANAGER_PASSWORD = "manager-password";
    public static final String SALES = "sales";
    public static final String SALES_PASSWORD = "sales-password";

    private DemoUsers() {
    }
}
