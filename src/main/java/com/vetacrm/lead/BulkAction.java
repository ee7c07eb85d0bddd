package com.vetacrm.lead;

/** What the leads grid can do to many selected records at once, each in one transaction. */
public sealed interface BulkAction {

    record AssignSalesperson(long userId) implements BulkAction {
    }

    record AssignTeam(long teamId) implements BulkAction {
    }

    record AddTag(long tagId) implements BulkAction {
    }

    record RemoveTag(long tagId) implements BulkAction {
    }

    record ConvertToOpportunity() implements BulkAction {
    }

    record MarkLost(String reason) implements BulkAction {
    }

    record Archive() implements BulkAction {
    }
}
