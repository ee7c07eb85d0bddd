package com.vetacrm.admin;

/** A sales team as lists and pickers show it. {@code leaderId}/{@code leaderName} are null without a leader. */
public record TeamSummary(long id, String name, Long leaderId, String leaderName, boolean active) {
}
