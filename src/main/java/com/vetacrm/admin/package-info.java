/**
 * Users, sales teams, stages and tags: the CRM's set-up, managed by administrators. Provides the
 * user store behind Spring Security and the default rows of a fresh installation.
 */
package com.vetacrm.admin;
