/**
 * The audit log: who changed settings, users and roles, bought, approved or granted credits, submitted mining
 * requests or erased contact data, and when. Features record through {@link com.vetacrm.audit.AuditService}
 * inside their own transaction; administrators read it on the audit page ({@code ui}).
 */
package com.vetacrm.audit;
