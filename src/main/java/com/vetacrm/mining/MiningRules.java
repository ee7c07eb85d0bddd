package com.vetacrm.mining;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules of a mining form that need no database (DESIGN §5.2), shared by the dialog (field messages as
 * the user types) and {@link MiningService} (which adds the checks against reference data, teams, users and
 * tags). Problems carry translation keys of the {@code mining} bundle.
 */
public final class MiningRules {

    public static final int MAX_LEAD_NUMBER = 200;
    public static final int MAX_CONTACT_NUMBER = 5;
    public static final int MAX_SIZE = 1_000_000;

    private MiningRules() {
    }

    public static List<MiningProblem> check(MiningForm f) {
        List<MiningProblem> problems = new ArrayList<>();
        if (f.getLeadNumber() == null || f.getLeadNumber() < 1 || f.getLeadNumber() > MAX_LEAD_NUMBER) {
            problems.add(new MiningProblem(MiningProblem.LEAD_NUMBER, "mining.error.leadNumber", MAX_LEAD_NUMBER));
        }
        if (f.getSearchType() == null) {
            problems.add(new MiningProblem(MiningProblem.LEAD_NUMBER, "mining.error.searchType"));
        }
        if (f.getCountries().isEmpty()) {
            problems.add(new MiningProblem(MiningProblem.COUNTRIES, "mining.error.countriesRequired"));
        }
        for (String state : f.getStates()) {
            if (!f.getCountries().contains(countryOf(state))) {
                problems.add(new MiningProblem(MiningProblem.STATES, "mining.error.stateNotInCountries", state));
            }
        }
        if (f.getIndustries().isEmpty()) {
            problems.add(new MiningProblem(MiningProblem.INDUSTRIES, "mining.error.industriesRequired"));
        }
        if (f.isFilterOnSize()) {
            checkSize(f, problems);
        }
        if (f.withContacts()) {
            if (f.getContactNumber() == null || f.getContactNumber() < 1 || f.getContactNumber() > MAX_CONTACT_NUMBER) {
                problems.add(new MiningProblem(MiningProblem.CONTACT_NUMBER, "mining.error.contactNumber",
                        MAX_CONTACT_NUMBER));
            }
            if (f.getContactFilter() == ContactFilter.SENIORITY) {
                if (blank(f.getSeniority())) {
                    problems.add(new MiningProblem(MiningProblem.SENIORITY, "mining.error.seniorityRequired"));
                }
            } else if (blank(f.getPreferredRole())) {
                problems.add(new MiningProblem(MiningProblem.PREFERRED_ROLE, "mining.error.preferredRoleRequired"));
            }
        }
        if (f.getLeadType() == null) {
            problems.add(new MiningProblem(MiningProblem.LEAD_TYPE, "mining.error.leadType"));
        }
        if (f.getTeamId() == null) {
            problems.add(new MiningProblem(MiningProblem.TEAM, "mining.error.teamRequired"));
        }
        return problems;
    }

    private static void checkSize(MiningForm f, List<MiningProblem> problems) {
        Integer min = f.getSizeMin();
        Integer max = f.getSizeMax();
        if (min == null) {
            problems.add(new MiningProblem(MiningProblem.SIZE_MIN, "mining.error.sizeRequired"));
        } else if (min < 1 || min > MAX_SIZE) {
            problems.add(new MiningProblem(MiningProblem.SIZE_MIN, "mining.error.sizeRange", MAX_SIZE));
        }
        if (max == null) {
            problems.add(new MiningProblem(MiningProblem.SIZE_MAX, "mining.error.sizeRequired"));
        } else if (max < 1 || max > MAX_SIZE) {
            problems.add(new MiningProblem(MiningProblem.SIZE_MAX, "mining.error.sizeRange", MAX_SIZE));
        }
        if (min != null && max != null && min >= 1 && max >= 1 && min > max) {
            problems.add(new MiningProblem(MiningProblem.SIZE_MAX, "mining.error.sizeOrder"));
        }
    }

    /** The country of an ISO 3166-2 code ("US-CA" → "US"). */
    public static String countryOf(String stateCode) {
        int dash = stateCode == null ? -1 : stateCode.indexOf('-');
        return dash < 0 ? "" : stateCode.substring(0, dash);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
