/**
 * Small vocabulary shared by every module: the supported languages, the exception that carries a
 * translatable, user-facing message, phone numbers and web addresses, and the browser's time zone for views.
 * Depends on nothing else in Veta.
 */
package com.vetacrm.shared;
