package com.vetacrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vetacrm.testsupport.ResetDatabaseListener;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The security headers on what a browser really receives from the running server — the pages Vaadin serves
 * (the login page, the application shell, its static files), not only Spring Security's own responses. Same
 * configuration as the browser tests (tag browser), so it shares their running application.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestExecutionListeners(listeners = ResetDatabaseListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class SecurityHeadersHttpTest {

    @Value("${local.server.port}")
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"/login", "/", "/pipeline", "/leads/1", "/styles.css", "/actuator/health"})
    void everyResponseForbidsFramingSniffingAndForeignScripts(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());

        var headers = response.headers();
        assertThat(headers.allValues("X-Frame-Options")).as(path + " " + headers.map()).isEqualTo(List.of("DENY"));
        assertThat(headers.firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).as(path).contains("strict-origin-when-cross-origin");
        assertThat(headers.firstValue("Content-Security-Policy")).as(path).get().asString()
                .contains("frame-ancestors 'none'").contains("object-src 'none'");
    }
}
