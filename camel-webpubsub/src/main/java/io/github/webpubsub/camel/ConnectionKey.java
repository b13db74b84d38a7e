package io.github.webpubsub.camel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What makes two endpoints share one connection: every connection setting, by name, equal. Beans (a credential
 * provider, TLS parameters) count as equal only when they are the same object; nothing is compared by a hash that
 * two different objects could share.
 *
 * @param settings the connection settings by option name; beans are wrapped in {@link Identity}
 */
record ConnectionKey(Map<String, Object> settings) {

    ConnectionKey {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** A bean, equal only to itself. */
    record Identity(Object bean) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity that && that.bean == bean;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(bean);
        }

        @Override
        public String toString() {
            return bean.getClass().getSimpleName() + "@" + Integer.toHexString(hashCode());
        }
    }

    /** Secrets stay out of logs: only the option names are printed. */
    @Override
    public String toString() {
        return "ConnectionKey" + settings.keySet();
    }
}
