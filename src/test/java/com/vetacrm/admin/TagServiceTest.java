package com.vetacrm.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vetacrm.testsupport.Refusals;
import com.vetacrm.shared.BusinessRuleException;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

@WithUserDetails(DemoUsers.ADMIN)
class TagServiceTest extends ServiceTest {

    @Autowired
    TagService tagService;
    @Autowired
    JdbcTemplate jdbc;

    TestLeads leads;

    @BeforeEach
    void setUp() {
        leads = new TestLeads(jdbc);
    }


    private TagSummary create(String name, String color) {
        return tagService.saveTag(new TagEdit(null, 0, name, color));
    }

    @Test
    void aNewTagKeepsItsTrimmedNameAndALowerCaseColour() {
        TagSummary vip = create(" VIP ", "#AB12CD");

        assertThat(vip.name()).isEqualTo("VIP");
        assertThat(vip.color()).isEqualTo("#ab12cd");
        assertThat(tagService.findAll()).contains(vip);
    }

    @Test
    void aColourThatIsNotHashAndSixHexDigitsIsRefused() {
        for (String bad : new String[] {"red", "#12345", "#1234567", "123456", "#gg0000", ""}) {
            assertThatThrownBy(() -> create("Colourful", bad)).as(bad)
                    .isInstanceOf(BusinessRuleException.class)
                    .extracting(Refusals::messageKey).isEqualTo("tags.error.color.invalid");
        }
        assertThat(tagService.findAll()).extracting(TagSummary::name).doesNotContain("Colourful");
    }

    @Test
    void tagNamesAreUniqueWhateverTheirCase() {
        assertThatThrownBy(() -> create("hot", "#000000"))
                .extracting(Refusals::messageKey).isEqualTo("tags.error.name.taken");
        assertThatThrownBy(() -> create(" ", "#000000"))
                .extracting(Refusals::messageKey).isEqualTo("tags.error.name.required");
    }

    @Test
    void editingRenamesAndRecoloursAgainstTheVersionItWasLoadedWith() {
        TagSummary created = create("Webinar", "#000000");
        TagEdit loadedByBoth = tagService.getTag(created.id());

        TagSummary saved = tagService.saveTag(new TagEdit(created.id(), loadedByBoth.version(), "Webinar 2026",
                "#30A46C"));

        assertThat(saved).isEqualTo(new TagSummary(created.id(), "Webinar 2026", "#30a46c"));
        assertThatThrownBy(() -> tagService.saveTag(new TagEdit(created.id(), loadedByBoth.version(), "Webinar",
                "#000000")))
                .isInstanceOf(OptimisticLockingFailureException.class);
    }

    @Test
    void anUnusedTagIsDeleted() {
        TagSummary created = create("Unused", "#123456");
        assertThat(tagService.countLeads(created.id())).isZero();

        tagService.deleteTag(created.id());

        assertThat(tagService.findAll()).doesNotContain(created);
    }

    @Test
    void deletingAUsedTagTakesItOffItsLeadsAndKeepsTheLeadsAndTheirOtherTags() {
        TagSummary doomed = create("Doomed", "#654321");
        long hot = jdbc.queryForObject("SELECT id FROM tag WHERE name = 'Hot'", Long.class);
        long stage = leads.stageId("New");
        long lead1 = leads.insert("Acme", stage, null, doomed.id(), hot);
        long lead2 = leads.insert("Globex", stage, null, doomed.id());

        assertThat(tagService.countLeads(doomed.id())).isEqualTo(2);
        tagService.deleteTag(doomed.id());

        assertThat(tagService.findAll()).doesNotContain(doomed);
        assertThat(leads.exists("crm_lead", lead1)).isTrue();
        assertThat(leads.exists("crm_lead", lead2)).isTrue();
        assertThat(leads.tagsOnLead(lead1)).isEqualTo(1);
        assertThat(leads.tagsOnLead(lead2)).isZero();
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void onlyAdministratorsChangeTagsButEveryoneReadsThem() {
        assertThatThrownBy(() -> create("Mine", "#000000")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> tagService.deleteTag(1)).isInstanceOf(AccessDeniedException.class);
        assertThat(tagService.findAll()).extracting(TagSummary::name).contains("Hot");
    }
}
