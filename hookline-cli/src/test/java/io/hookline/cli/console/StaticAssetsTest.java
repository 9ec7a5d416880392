package io.hookline.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StaticAssetsTest {

    @Test
    void pathsMapIntoTheConsoleFolderOrTheWebJarsOnly() {
        assertThat(StaticAssets.resourceOf("/")).isEqualTo("console/index.html");
        assertThat(StaticAssets.resourceOf("/pages/hooks.js")).isEqualTo("console/pages/hooks.js");
        assertThat(StaticAssets.resourceOf("/webjars/uplot/1.6.30/dist/uPlot.esm.js"))
                .isEqualTo("META-INF/resources/webjars/uplot/1.6.30/dist/uPlot.esm.js");
        assertThat(StaticAssets.resourceOf("/../io/hookline/cli/Main.class")).isNull();
        assertThat(StaticAssets.resourceOf("/pages/..%2f..%2fMain.class")).isNull();
        assertThat(StaticAssets.resourceOf("/pages\\x.js")).isNull();
        assertThat(StaticAssets.resourceOf("//etc/passwd")).isNull();
    }
}
