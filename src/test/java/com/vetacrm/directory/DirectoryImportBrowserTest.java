package com.vetacrm.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.vetacrm.testsupport.BrowserTest;
import com.vetacrm.testsupport.DemoUsers;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The import page in a real browser: the file goes up as a raw stream, the page polls while it is imported
 * and shows the report at the end, without server push.
 */
class DirectoryImportBrowserTest extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAdministratorUploadsACompaniesFileAndReadsTheReport() throws Exception {
        Path file = Files.createTempFile("veta-import", ".csv");
        try (InputStream csv = new GeneratedCompaniesCsv(3_000, "W", 500)) {
            Files.copy(csv, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            signIn(DemoUsers.ADMIN, DemoUsers.ADMIN_PASSWORD);
            waitFor(By.id("pipeline-board"));
            open("directory/import");
            WebElement upload = waitFor(By.id("directory-import-upload"));
            SearchContext shadow = upload.getShadowRoot();
            WebElement input = shadow.findElements(By.cssSelector("input[type=file]")).stream().findFirst()
                    .orElseGet(() -> upload.findElement(By.cssSelector("input[type=file]")));
            input.sendKeys(file.toAbsolutePath().toString());

            WebElement report = waitFor(By.id("directory-import-report"));
            waiting().until(ExpectedConditions.attributeToBe(By.id("directory-import-created"), "data-count", "2994"));
            assertThat(driver.findElement(By.id("directory-import-read")).getAttribute("data-count")).isEqualTo("3000");
            assertThat(driver.findElement(By.id("directory-import-rejected")).getAttribute("data-count")).isEqualTo("6");
            assertThat(report.getText()).contains("Import report");
            assertThat(driver.findElement(By.id("directory-import-status")).getText()).contains("imported in");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM directory_company WHERE ref LIKE 'W%'", Integer.class))
                    .isEqualTo(2994);
            // the report is offered as a CSV download
            assertThat(driver.findElement(By.id("directory-import-report-download")).getAttribute("href")).isNotBlank();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
