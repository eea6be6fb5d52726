package dev.parley.workshop;

import dev.parley.security.ModeProperties;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The instructor's login (CONTRACTS.md §7), with Spring Security: a form at {@code /instructor}
 * for the dashboard, HTTP Basic for scripts on the API. There is one instructor, {@code instructor},
 * whose password is {@code parley.workshop.instructor-password} (env
 * {@code PARLEY_WORKSHOP_INSTRUCTOR_PASSWORD}); in hosted mode with none set, one is generated and
 * printed once at start. Everything else is open to Spring Security: who may use the doors is the
 * identity filter's rule, and cross-site requests are refused by the site guard before this chain
 * (so Spring's own CSRF tokens are not needed: a form on another site never gets this far).
 */
@Configuration(proxyBeanMethods = false)
class InstructorSecurity {

    static final String ROLE = "INSTRUCTOR";
    static final String USER = "instructor";

    private static final Logger log = LoggerFactory.getLogger(InstructorSecurity.class);

    @Bean
    SecurityFilterChain instructorChain(HttpSecurity http) throws Exception {
        RequestMatcher api = request -> request.getRequestURI().startsWith("/api/");
        http.csrf(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/workshops/*/join").permitAll()
                        .requestMatchers("/api/workshops", "/api/workshops/**").hasRole(ROLE)
                        .requestMatchers("/ws/follow").hasRole(ROLE)
                        .requestMatchers("/instructor/login").permitAll()
                        .requestMatchers("/instructor", "/instructor/**").hasRole(ROLE)
                        .anyRequest().permitAll())
                .httpBasic(Customizer.withDefaults())
                .formLogin(form -> form.loginPage("/instructor/login").defaultSuccessUrl("/instructor", true)
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/instructor/logout").logoutSuccessUrl("/instructor/login?out"))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService instructor(WorkshopProperties properties, ModeProperties mode, PasswordEncoder encoder) {
        String password = properties.instructorPassword();
        if (password == null || password.isBlank()) {
            password = generated();
            if (mode.hosted()) {
                // Printed once, on purpose (the issue asks for it): the one way to learn a generated password.
                System.out.println("\nParley instructor password (generated; set PARLEY_WORKSHOP_INSTRUCTOR_PASSWORD"
                        + " to choose one): " + password + "\nLog in at /instructor as " + USER + ".\n");
            } else {
                log.debug("No instructor password set: workshops need parley.mode=hosted");
            }
        }
        return new InMemoryUserDetailsManager(User.withUsername(USER).password(encoder.encode(password)).roles(ROLE)
                .build());
    }

    private static String generated() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
