/**
 * Authentication and authorisation: the login view, the Spring Security configuration, the roles
 * and {@link com.vetacrm.security.CurrentUser}. This module depends on no other Veta module; the
 * user store (module {@code admin}) plugs in by providing the {@code UserDetailsService} bean.
 */
package com.vetacrm.security;
