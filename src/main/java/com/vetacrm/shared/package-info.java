/**
 * Small vocabulary shared by every module: the supported languages and the exception that carries
 * a translatable, user-facing message. Depends on nothing else in Veta.
 */
package com.vetacrm.shared;
