/**
 * The chatter panel, embedded by other features' views beside their forms; hence a named interface
 * other modules may use.
 */
@org.springframework.modulith.NamedInterface("ui")
package com.vetacrm.chatter.ui;
