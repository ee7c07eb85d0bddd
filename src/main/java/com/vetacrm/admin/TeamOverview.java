package com.vetacrm.admin;

/**
 * A row of the administrators' team list, active or not. {@code leaderId}/{@code leaderName} are null
 * without a leader.
 */
public record TeamOverview(long id, String name, Long leaderId, String leaderName, int memberCount,
        boolean active) {
}
