package com.vetacrm.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The embedded server's buffer pool: 512M unless configured, a MariaDB size or refused at start. */
class EmbeddedDatabasePropertiesTest {

    private static EmbeddedDatabaseProperties withPool(String size) {
        return new EmbeddedDatabaseProperties(Path.of("target", "x"), 0, "veta", true, size);
    }

    @Test
    void bufferPoolDefaultsTo512M() {
        assertThat(withPool(null).bufferPoolSize()).isEqualTo("512M");
        assertThat(withPool(" ").bufferPoolSize()).isEqualTo("512M");
    }

    @Test
    void bufferPoolTakesMariaDbSizes() {
        assertThat(withPool("4G").bufferPoolSize()).isEqualTo("4G");
        assertThat(withPool("2048m").bufferPoolSize()).isEqualTo("2048M");
        assertThat(withPool("1073741824").bufferPoolSize()).isEqualTo("1073741824");
    }

    @Test
    void bufferPoolRefusesAnythingElse() {
        for (String bad : new String[] {"4GB", "-1G", "0", "4 G", "1G --skip-grant-tables", "lots"}) {
            assertThatThrownBy(() -> withPool(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("buffer-pool-size");
        }
    }
}
