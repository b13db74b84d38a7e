package io.github.webpubsub.camel.isolation;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a probe's static method in a class loader made of this test run's class path less some jars: what an
 * application that did not add an optional dependency sees. Plain types (strings, booleans) only cross the boundary.
 */
public final class WithoutJars {

    private WithoutJars() {
    }

    /**
     * Calls {@code probe.method(args)} without the jars whose file names start with {@code excludedPrefix}.
     *
     * @param args strings only: the method is looked up with that many String parameters
     */
    public static Object call(String excludedPrefix, Class<?> probe, String method, Object... args) throws Exception {
        List<URL> urls = new ArrayList<>();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isEmpty() && !new File(entry).getName().startsWith(excludedPrefix)) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Class<?> isolated = loader.loadClass(probe.getName());
            Class<?>[] types = new Class<?>[args.length];
            Arrays.fill(types, String.class);
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(loader);
            try {
                return isolated.getMethod(method, types).invoke(null, args);
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
        }
    }
}
