package com.vetacrm.mining;

import com.vetacrm.shared.BusinessRuleException;
import java.util.List;

/**
 * A mining form refused on the server (DESIGN §5.2), with every problem found, so the dialog can put each
 * message at its field. Its own message is the first problem's, for callers that show only one.
 */
public class MiningRejectedException extends BusinessRuleException {

    private final transient List<MiningProblem> problems;

    public MiningRejectedException(List<MiningProblem> problems) {
        super(problems.getFirst().messageKey(), problems.getFirst().args());
        this.problems = List.copyOf(problems);
    }

    public List<MiningProblem> problems() {
        return problems;
    }
}
