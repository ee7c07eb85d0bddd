package com.vetacrm.security;

/**
 * The three roles of DESIGN §1. Annotations need compile-time constants, hence the nested names.
 */
public enum Role {
    SALESPERSON,
    SALES_MANAGER,
    ADMIN;

    /** Role names for {@code @RolesAllowed}. */
    public static final class Names {
        public static final String SALESPERSON = "SALESPERSON";
        public static final String SALES_MANAGER = "SALES_MANAGER";
        public static final String ADMIN = "ADMIN";

        private Names() {
        }
    }

    public String authority() {
        return "ROLE_" + name();
    }

    /** Translation key of the role's label. */
    public String labelKey() {
        return "role." + name();
    }
}
