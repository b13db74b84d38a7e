package io.github.webpubsub.examples.springboot;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The chat page (static/chat.html, the Camel Main example's page) at the root. */
@Configuration(proxyBeanMethods = false)
class ChatPage implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/").setViewName("forward:/chat.html");
    }
}
