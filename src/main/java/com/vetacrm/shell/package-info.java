/**
 * The application shell: main layout with role-filtered navigation and the user menu, the
 * translation provider, the user's language, error views, and the one mapping from exceptions to
 * notifications.
 */
package com.vetacrm.shell;
