package org.vigie.testing;

import java.lang.reflect.Proxy;

import org.osgi.framework.BundleContext;

/** Bundle contexts for calling a component's activation constructor without a framework. */
public final class BundleContexts {

    private BundleContexts() {
    }

    /** @return a context whose only behaviour is {@code getProperty(key)} answering {@code value}; all else is null */
    public static BundleContext withProperty(String key, String value) {
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> method.getName().equals("getProperty") && key.equals(args[0]) ? value : null);
    }
}
