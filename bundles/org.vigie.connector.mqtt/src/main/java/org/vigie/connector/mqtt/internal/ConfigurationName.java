package org.vigie.connector.mqtt.internal;

import java.util.Map;

/**
 * Finds the name of a factory configuration among the properties Configuration Admin hands to the component:
 * {@code levels} for the file {@code config/org.vigie.connector.mqtt-levels.config}.
 *
 * <p>FileInstall creates a named factory configuration, PID {@code org.vigie.connector.mqtt~levels}, and records the
 * file in {@code felix.fileinstall.filename}. A configuration created otherwise (web console, REST) has a generated
 * PID, which Configuration Admin keeps across restarts: its suffix is then the name.
 */
final class ConfigurationName {

    static final String FILEINSTALL_FILENAME = "felix.fileinstall.filename";

    private ConfigurationName() {
    }

    static String of(String factoryPid, Map<String, ?> properties) {
        String pid = text(properties.get("service.pid"));
        int tilde = pid.lastIndexOf('~');
        if (tilde >= 0 && tilde < pid.length() - 1) {
            return pid.substring(tilde + 1);
        }
        String file = text(properties.get(FILEINSTALL_FILENAME));
        if (!file.isEmpty()) {
            String fileName = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
            int dot = fileName.lastIndexOf('.');
            String base = dot > 0 ? fileName.substring(0, dot) : fileName;
            if (base.startsWith(factoryPid + "-") && base.length() > factoryPid.length() + 1) {
                return base.substring(factoryPid.length() + 1);
            }
        }
        if (pid.startsWith(factoryPid + ".") && pid.length() > factoryPid.length() + 1) {
            return pid.substring(factoryPid.length() + 1);
        }
        return pid;
    }

    private static String text(Object value) {
        return value instanceof String s ? s.trim() : "";
    }
}
