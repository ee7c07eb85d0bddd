package com.vetacrm.mining;

import com.vetacrm.lead.LeadType;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The Generate Leads dialog's fields (DESIGN §5.1), with its defaults. A mutable bean because Vaadin's
 * Binder writes into it; {@link MiningService#submit} checks it again whatever the dialog checked.
 * Fields that do not apply (contacts for a companies-only request, the size range without the size
 * filter, other roles with a seniority filter) are ignored, not refused.
 */
public class MiningForm {

    public static final int DEFAULT_LEAD_NUMBER = 10;
    public static final int DEFAULT_CONTACT_NUMBER = 3;

    private Integer leadNumber = DEFAULT_LEAD_NUMBER;
    private SearchType searchType = SearchType.COMPANIES;
    private Set<String> countries = new LinkedHashSet<>();
    private Set<String> states = new LinkedHashSet<>();
    private Set<String> industries = new LinkedHashSet<>();
    private boolean filterOnSize;
    private Integer sizeMin;
    private Integer sizeMax;
    private Integer contactNumber = DEFAULT_CONTACT_NUMBER;
    private ContactFilter contactFilter = ContactFilter.ROLE;
    private String preferredRole;
    private Set<String> otherRoles = new LinkedHashSet<>();
    private String seniority;
    private LeadType leadType = LeadType.LEAD;
    private Long teamId;
    private Long salespersonId;
    private Set<Long> tagIds = new LinkedHashSet<>();

    public boolean withContacts() {
        return searchType == SearchType.COMPANIES_AND_CONTACTS;
    }

    /** A copy, so a dialog started from a request (Duplicate, Retry) never edits the original's form. */
    public MiningForm copy() {
        MiningForm f = new MiningForm();
        f.leadNumber = leadNumber;
        f.searchType = searchType;
        f.countries = new LinkedHashSet<>(countries);
        f.states = new LinkedHashSet<>(states);
        f.industries = new LinkedHashSet<>(industries);
        f.filterOnSize = filterOnSize;
        f.sizeMin = sizeMin;
        f.sizeMax = sizeMax;
        f.contactNumber = contactNumber;
        f.contactFilter = contactFilter;
        f.preferredRole = preferredRole;
        f.otherRoles = new LinkedHashSet<>(otherRoles);
        f.seniority = seniority;
        f.leadType = leadType;
        f.teamId = teamId;
        f.salespersonId = salespersonId;
        f.tagIds = new LinkedHashSet<>(tagIds);
        return f;
    }

    public Integer getLeadNumber() { return leadNumber; }
    public void setLeadNumber(Integer leadNumber) { this.leadNumber = leadNumber; }
    public SearchType getSearchType() { return searchType; }
    public void setSearchType(SearchType searchType) { this.searchType = searchType; }
    public Set<String> getCountries() { return countries; }
    public void setCountries(Set<String> countries) { this.countries = countries == null ? new LinkedHashSet<>() : new LinkedHashSet<>(countries); }
    public Set<String> getStates() { return states; }
    public void setStates(Set<String> states) { this.states = states == null ? new LinkedHashSet<>() : new LinkedHashSet<>(states); }
    public Set<String> getIndustries() { return industries; }
    public void setIndustries(Set<String> industries) { this.industries = industries == null ? new LinkedHashSet<>() : new LinkedHashSet<>(industries); }
    public boolean isFilterOnSize() { return filterOnSize; }
    public void setFilterOnSize(boolean filterOnSize) { this.filterOnSize = filterOnSize; }
    public Integer getSizeMin() { return sizeMin; }
    public void setSizeMin(Integer sizeMin) { this.sizeMin = sizeMin; }
    public Integer getSizeMax() { return sizeMax; }
    public void setSizeMax(Integer sizeMax) { this.sizeMax = sizeMax; }
    public Integer getContactNumber() { return contactNumber; }
    public void setContactNumber(Integer contactNumber) { this.contactNumber = contactNumber; }
    public ContactFilter getContactFilter() { return contactFilter; }
    public void setContactFilter(ContactFilter contactFilter) { this.contactFilter = contactFilter; }
    public String getPreferredRole() { return preferredRole; }
    public void setPreferredRole(String preferredRole) { this.preferredRole = preferredRole; }
    public Set<String> getOtherRoles() { return otherRoles; }
    public void setOtherRoles(Set<String> otherRoles) { this.otherRoles = otherRoles == null ? new LinkedHashSet<>() : new LinkedHashSet<>(otherRoles); }
    public String getSeniority() { return seniority; }
    public void setSeniority(String seniority) { this.seniority = seniority; }
    public LeadType getLeadType() { return leadType; }
    public void setLeadType(LeadType leadType) { this.leadType = leadType; }
    public Long getTeamId() { return teamId; }
    public void setTeamId(Long teamId) { this.teamId = teamId; }
    public Long getSalespersonId() { return salespersonId; }
    public void setSalespersonId(Long salespersonId) { this.salespersonId = salespersonId; }
    public Set<Long> getTagIds() { return tagIds; }
    public void setTagIds(Set<Long> tagIds) { this.tagIds = tagIds == null ? new LinkedHashSet<>() : new LinkedHashSet<>(tagIds); }
}
