package com.vetacrm.mining;

/**
 * Published after a request's job committed its result (DONE, NO_RESULT or ERROR), on the node that ran it.
 * The mining views use it to tell the requester at once; a requester on another node, or who left, is told
 * on their next page view instead ({@link MiningService#takeUnseenResults()}).
 */
public record MiningRequestFinished(long requestId, long requesterId) {
}
