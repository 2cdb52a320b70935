package org.vigie.connector.mqtt.internal;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** Builds settings the way DS would: the configuration's values over the defaults of {@link MqttConnectorConfig}. */
final class TestSettings {

    private TestSettings() {
    }

    /** @param keyValues configuration keys and values, e.g. {@code "qos", 0, "quantity", "H"} */
    static ConnectorSettings settings(String name, Object... keyValues) {
        return ConnectorSettings.of(config(keyValues), name);
    }

    static MqttConnectorConfig config(Object... keyValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], keyValues[i + 1]);
        }
        return (MqttConnectorConfig) Proxy.newProxyInstance(MqttConnectorConfig.class.getClassLoader(),
                new Class<?>[] {MqttConnectorConfig.class},
                (proxy, method, args) -> values.containsKey(method.getName())
                        ? values.get(method.getName()) : method.getDefaultValue());
    }
}
