package com.vetacrm.database;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded MariaDB and exposes it as the {@link DataSource} when no external database
 * is configured. With {@code DB_URL} set, this configuration steps aside and Spring Boot builds the
 * pool from {@code spring.datasource.*} (mapped from DB_URL, DB_USER, DB_PASSWORD).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
class EmbeddedDatabaseConfiguration {

    /** Released when the context closes, after the pool below (which depends on it) has closed. */
    @Bean(destroyMethod = "release")
    EmbeddedMariaDb embeddedMariaDb(EmbeddedDatabaseProperties props) {
        return EmbeddedMariaDb.acquire(props);
    }

    @Bean
    DataSource dataSource(EmbeddedMariaDb server, EmbeddedDatabaseProperties props) {
        HikariDataSource ds = DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .driverClassName("org.mariadb.jdbc.Driver")
                .url(server.jdbcUrl(props.database()))
                .username("root")
                .password("")
                .build();
        ds.setPoolName("veta-embedded");
        return ds;
    }

    static class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
