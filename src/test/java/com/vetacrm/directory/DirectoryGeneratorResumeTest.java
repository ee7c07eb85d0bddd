package com.vetacrm.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vetacrm.testsupport.ServiceTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The generator on the real MariaDB when a run is interrupted, resumed, extended, started twice at once,
 * or finds companies it did not make. Small chunks (50) so a few hundred companies span several.
 */
class DirectoryGeneratorResumeTest extends ServiceTest {

    private static final int N = 400;
    private static final int CHUNK = 50;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;

    @BeforeEach
    void emptyDirectory() {
        jdbc.update("DELETE FROM directory_company");
        jdbc.update("DELETE FROM app_setting WHERE setting_key = ?", DirectoryGenerator.PROGRESS_KEY);
    }

    private DirectoryGenerator generator(int size) {
        return new DirectoryGenerator(jdbc, tx, size, 42, CHUNK);
    }

    /** A digest of every generated column of every company, contact and technology, by ref (ids differ between runs). */
    private String fingerprint() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            jdbc.query("""
                    SELECT ref, name, legal_name, domain, description, industry_code, employees, annual_revenue,
                           founded_year, phone, mobile_phone, generic_email, street, city, zip, country_code, state_code,
                           time_zone, linkedin_url, twitter_url, facebook_url, company_type, `rank`
                    FROM directory_company ORDER BY ref""", rs -> {
                for (int i = 1; i <= 23; i++) {
                    md.update(String.valueOf(rs.getObject(i)).getBytes(StandardCharsets.UTF_8));
                    md.update((byte) 0);
                }
            });
            jdbc.query("""
                    SELECT c.ref, p.position, p.full_name, p.first_name, p.last_name, p.title, p.role_code,
                           p.seniority_code, p.email, p.phone
                    FROM directory_contact p JOIN directory_company c ON c.id = p.company_id ORDER BY c.ref, p.position""",
                    rs -> {
                        for (int i = 1; i <= 10; i++) {
                            md.update(String.valueOf(rs.getObject(i)).getBytes(StandardCharsets.UTF_8));
                            md.update((byte) 1);
                        }
                    });
            jdbc.query("""
                    SELECT c.ref, t.technology_code FROM directory_company_technology t
                    JOIN directory_company c ON c.id = t.company_id ORDER BY c.ref, t.technology_code""", rs -> {
                md.update((rs.getString(1) + ":" + rs.getString(2)).getBytes(StandardCharsets.UTF_8));
            });
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String straightRun() {
        assertThat(generator(N).generate()).isEqualTo(N);
        String fingerprint = fingerprint();
        emptyDirectory();
        return fingerprint;
    }

    private int count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM directory_company", Integer.class);
    }

    @Test
    void aRunStoppedMidwayIsCompletedOnTheNextStartExactlyAsAnUninterruptedRun() {
        String expected = straightRun();

        DirectoryGenerator killed = generator(N);
        killed.afterChunk = next -> {
            if (next == 3 * CHUNK) {
                throw new IllegalStateException("process killed");
            }
        };
        assertThatThrownBy(killed::generate).hasMessage("process killed");
        // the chunks committed before the stop stay, with their progress
        assertThat(count()).isEqualTo(3 * CHUNK);
        assertThat(generator(N).progress()).isEqualTo(new DirectoryGenerator.Progress(42, 3 * CHUNK));

        assertThat(generator(N).generate()).isEqualTo(N - 3 * CHUNK);
        assertThat(count()).isEqualTo(N);
        assertThat(fingerprint()).isEqualTo(expected);
        assertThat(generator(N).generate()).isZero();
    }

    @Test
    void aLargerSizeExtendsTheDirectoryToWhatAStraightRunOfThatSizeGives() {
        String expected = straightRun();
        assertThat(generator(N / 2).generate()).isEqualTo(N / 2);
        assertThat(generator(N).generate()).isEqualTo(N / 2);
        assertThat(fingerprint()).isEqualTo(expected);
        // a smaller size removes nothing
        assertThat(generator(N / 4).generate()).isZero();
        assertThat(count()).isEqualTo(N);
    }

    @Test
    void twoGeneratorsStartedTogetherWriteOneDirectory() {
        String expected = straightRun();
        DirectoryGenerator first = generator(N);
        DirectoryGenerator second = generator(N);
        AtomicInteger secondWrote = new AtomicInteger(-1);
        // the second node starts while the first holds the lock, between two of its chunks
        first.afterChunk = next -> {
            if (next == CHUNK) {
                secondWrote.set(second.generate());
            }
        };
        assertThat(first.generate()).isEqualTo(N);
        assertThat(secondWrote).hasValue(0);
        assertThat(count()).isEqualTo(N);
        assertThat(fingerprint()).isEqualTo(expected);
    }

    @Test
    void aWriterWhoseProgressMovedUnderItWritesNothingMore() {
        DirectoryGenerator generator = generator(N);
        generator.afterChunk = next -> {
            if (next == CHUNK) {
                // another writer (without the lock, e.g. a cluster that does not share named locks) moved on
                jdbc.update("UPDATE app_setting SET setting_value = 'seed=42;next=100' WHERE setting_key = ?",
                        DirectoryGenerator.PROGRESS_KEY);
            }
        };
        assertThatThrownBy(generator::generate).hasMessageContaining("progress moved");
        assertThat(count()).isEqualTo(CHUNK);
    }

    @Test
    void companiesItDidNotMakeAreLeftAlone() {
        // an imported directory: rows, no progress
        assertThat(generator(N / 4).generate()).isEqualTo(N / 4);
        jdbc.update("DELETE FROM app_setting WHERE setting_key = ?", DirectoryGenerator.PROGRESS_KEY);
        assertThat(generator(N).generate()).isZero();
        assertThat(count()).isEqualTo(N / 4);

        // another seed does not extend this one's directory
        emptyDirectory();
        assertThat(generator(N / 4).generate()).isEqualTo(N / 4);
        assertThat(new DirectoryGenerator(jdbc, tx, N, 7, CHUNK).generate()).isZero();
        assertThat(count()).isEqualTo(N / 4);
    }

    @Test
    void aRefAnImportAlreadyUsesIsSkipped() {
        assertThat(generator(CHUNK).generate()).isEqualTo(CHUNK);
        // an import wrote company number 60 under the generator's ref
        jdbc.update("""
                INSERT INTO directory_company (id, ref, name, domain, industry_code, employees, country_code, company_type,
                    `rank`, created_at, updated_at)
                VALUES (-1, 'VD00000060', 'Imported', 'imported.example', (SELECT MIN(code) FROM industry), 5, 'US',
                    'PRIVATE', -1, NOW(), NOW())""");
        assertThat(generator(2 * CHUNK).generate()).isEqualTo(CHUNK - 1);
        assertThat(count()).isEqualTo(2 * CHUNK);
        assertThat(jdbc.queryForObject("SELECT name FROM directory_company WHERE ref = 'VD00000060'", String.class))
                .isEqualTo("Imported");
    }
}
