package org.vigie.model.external.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.api.spi.ParameterSpec;

class ExternalModelSettingsTest {

    @TempDir
    Path home;

    /** A configuration as Configuration Admin would hand it over: the given values, the declared defaults else. */
    static ExternalModelConfig config(Map<String, Object> values) {
        return (ExternalModelConfig) Proxy.newProxyInstance(ExternalModelConfig.class.getClassLoader(),
                new Class<?>[] {ExternalModelConfig.class}, (proxy, method, args) -> {
                    if (values.containsKey(method.getName())) {
                        return values.get(method.getName());
                    }
                    return method.getDefaultValue();
                });
    }

    @Test
    void readsAConfiguration() throws Exception {
        Files.createDirectories(home.resolve("models/r2025"));
        ExternalModelSettings s = ExternalModelSettings.of(config(Map.of("id", "r2025",
                "command", "Rscript --vanilla 'model 2025.R'", "workingDirectory", "models/r2025",
                "timeLimitSeconds", 120L, "environment", new String[] {"R_LIBS_USER=/opt/r libs", "LANG=C"},
                "inputs", new String[] {"P", "E"}, "parameters", new String[] {"X1=350 [1,2000] mm", "gain=1.5"})),
                home);
        assertEquals("r2025", s.id());
        assertEquals(List.of("Rscript", "--vanilla", "model 2025.R"), s.command());
        assertEquals(home.resolve("models/r2025"), s.workingDirectory());
        assertEquals(Duration.ofSeconds(120), s.timeLimit());
        assertEquals(Map.of("R_LIBS_USER", "/opt/r libs", "LANG", "C"), s.environment());
        assertEquals(List.of("P", "E"), s.inputs());
        assertEquals(List.of(new ParameterSpec("X1", "mm", 350, 1, 2000, "parameter of the external program"),
                new ParameterSpec("gain", "-", 1.5, -Double.MAX_VALUE, Double.MAX_VALUE,
                        "parameter of the external program")), s.parameters());
        assertEquals("external program: Rscript --vanilla model 2025.R", s.description());
        assertEquals(Path.of(System.getProperty("java.io.tmpdir")), s.temporaryDirectory());
    }

    @Test
    void namesWhatIsWrong() {
        Map<String, Object> good = new HashMap<>(Map.of("id", "r2025", "command", "Rscript model.R"));
        assertEquals("id '' must be letters, digits, '.', '_' or '-'", error(Map.of("command", "sh x")));
        assertEquals("command is empty; e.g. command=\"Rscript model.R\"", error(Map.of("id", "m")));
        assertEquals("command has an unclosed ': Rscript 'model.R", error(Map.of("id", "m",
                "command", "Rscript 'model.R")));
        Map<String, Object> wd = new HashMap<>(good);
        wd.put("workingDirectory", "nowhere");
        assertEquals("working directory " + home.resolve("nowhere") + " does not exist", error(wd));
        Map<String, Object> env = new HashMap<>(good);
        env.put("environment", new String[] {"no equals sign"});
        assertEquals("environment entry 'no equals sign' is not NAME=value", error(env));
        Map<String, Object> parameter = new HashMap<>(good);
        parameter.put("parameters", new String[] {"X1=5 [10,20]"});
        assertEquals("parameter 'X1=5 [10,20]': parameter X1: default 5.0 outside [10.0, 20.0]", error(parameter));
        parameter.put("parameters", new String[] {"X1 is 5"});
        assertEquals("parameter 'X1 is 5' is not 'name=default [min,max] unit' (range and unit optional), e.g."
                + " 'X1=350 [1,2000] mm'", error(parameter));
        Map<String, Object> limit = new HashMap<>(good);
        limit.put("timeLimitSeconds", 0L);
        assertEquals("time limit must be at least 1 s, got 0", error(limit));
    }

    private String error(Map<String, Object> values) {
        return assertThrows(IllegalArgumentException.class,
                () -> ExternalModelSettings.of(config(values), home)).getMessage();
    }
}
