package com.vetacrm.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.vetacrm.directory.DirectoryCompanyFactory.NewCompany;
import com.vetacrm.directory.DirectoryReferenceSnapshot.Code;
import com.vetacrm.directory.DirectoryReferenceSnapshot.Tech;
import com.vetacrm.shared.PhoneNumbers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generator's company factory without a database: determinism, realism rules and speed. */
class DirectoryCompanyFactoryTest {

    static DirectoryReferenceSnapshot reference() {
        Set<String> countries = new HashSet<>(List.of("US", "GB", "DE", "FR", "ES", "IT", "IN", "BR", "CA", "AU", "MX",
                "NL", "BE", "AR", "PT", "IE", "CH", "AT", "SE", "PL", "CO", "CL"));
        Map<String, List<String>> states = new HashMap<>();
        states.put("US", List.of("US-CA", "US-NY", "US-TX"));
        states.put("ES", List.of("ES-MD", "ES-CT"));
        Map<String, String> stateZones = Map.of("US-CA", "America/Los_Angeles", "US-NY", "America/New_York",
                "US-TX", "America/Chicago", "ES-MD", "Europe/Madrid", "ES-CT", "Europe/Madrid");
        Map<String, String> countryZones = new HashMap<>();
        countries.forEach(c -> countryZones.put(c, "Etc/UTC"));
        Map<String, String> names = new HashMap<>();
        countries.forEach(c -> names.put(c, c));
        List<Code> industries = List.of(new Code("software", "Software & Services"), new Code("retail", "Retailing"),
                new Code("banks", "Banks"), new Code("energy", "Energy"));
        List<Code> roles = new ArrayList<>();
        for (String r : List.of("ceo", "founder", "owner", "president", "marketing", "finance",
                "information_technology", "human_resources", "sale", "legal", "operations")) {
            roles.add(new Code(r, r));
        }
        List<Code> seniorities = List.of(new Code("director", "Director"), new Code("executive", "Executive"),
                new Code("manager", "Manager"));
        List<Tech> techs = List.of(new Tech("wordpress", "WordPress", "CMS"), new Tech("shopify", "Shopify", "CMS"),
                new Tech("jquery", "jQuery", "JavaScript libraries"), new Tech("ga", "Google Analytics", "Analytics"),
                new Tech("hubspot", "HubSpot", "CRM"));
        return new DirectoryReferenceSnapshot(countries, states, stateZones, countryZones, Map.of(), names,
                industries, roles, seniorities, techs);
    }

    @Test
    void sameSeedSameCompaniesAnyOrder() {
        DirectoryCompanyFactory a = new DirectoryCompanyFactory(42, reference());
        DirectoryCompanyFactory b = new DirectoryCompanyFactory(42, reference());
        List<NewCompany> forward = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            forward.add(a.company(i));
        }
        for (int i = 49; i >= 0; i--) {
            assertThat(b.company(i)).isEqualTo(forward.get(i));
        }
        assertThat(new DirectoryCompanyFactory(43, reference()).company(0)).isNotEqualTo(forward.getFirst());
    }

    @Test
    void companiesLookReal() {
        DirectoryCompanyFactory f = new DirectoryCompanyFactory(42, reference());
        int n = 5000;
        int[] employees = new int[n];
        Set<Long> ranks = new HashSet<>();
        long started = System.nanoTime();
        long contacts = 0;
        for (int i = 0; i < n; i++) {
            NewCompany c = f.company(i);
            employees[i] = c.employees();
            ranks.add(c.rank());
            contacts += c.contacts().size();
            assertThat(c.domain()).matches("[a-z0-9-]+(\\.[a-z]+)+");
            assertThat(PhoneNumbers.toE164(c.phone(), c.countryCode())).contains(c.phone());
            assertThat(c.technologies()).hasSizeBetween(1, 12);
            assertThat(c.contacts()).hasSizeLessThanOrEqualTo(25);
            c.contacts().forEach(p -> {
                assertThat(p.email()).endsWith("@" + c.domain());
                if (p.phone() != null) {
                    assertThat(PhoneNumbers.toE164(p.phone(), c.countryCode())).contains(p.phone());
                }
            });
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        System.out.println("factory: " + n + " companies, " + contacts + " contacts in " + ms + " ms");
        assertThat(ranks).hasSize(n);
        Arrays.sort(employees);
        assertThat(employees[0]).isGreaterThanOrEqualTo(1);
        assertThat(employees[n / 2]).isLessThan(50);
        long over1000 = Arrays.stream(employees).filter(e -> e > 1000).count();
        assertThat(over1000).isBetween((long) (n * 0.003), (long) (n * 0.03));
    }

    @Test
    void aTakenDomainGetsARealisticVariantAndEmailsFollow() {
        DirectoryCompanyFactory f = new DirectoryCompanyFactory(42, reference());
        NewCompany c = f.company(7);
        Set<String> taken = new HashSet<>(Set.of(c.domain()));
        NewCompany moved = DirectoryGenerator.uniqueDomain(c, taken);
        assertThat(moved.domain()).isNotEqualTo(c.domain()).startsWith(c.domain().substring(0, c.domain().indexOf('.')));
        assertThat(moved.genericEmail()).endsWith("@" + moved.domain());
        moved.contacts().forEach(p -> assertThat(p.email()).endsWith("@" + moved.domain()));
        assertThat(DirectoryGenerator.uniqueDomain(c, new HashSet<>(Set.of(c.domain())))).isEqualTo(moved);
    }
}
