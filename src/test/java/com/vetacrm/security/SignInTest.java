package com.vetacrm.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The real security filter chain: form sign-in against the users stored in MariaDB. */
class SignInTest extends ServiceTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    @Test
    void eachDemoUserSignsInWithTheirRole() throws Exception {
        mvc.perform(formLogin("/login").user(DemoUsers.ADMIN).password(DemoUsers.ADMIN_PASSWORD))
                .andExpect(authenticated().withUsername("admin").withRoles("ADMIN"));
        mvc.perform(formLogin("/login").user(DemoUsers.MANAGER).password(DemoUsers.MANAGER_PASSWORD))
                .andExpect(authenticated().withUsername("manager").withRoles("SALES_MANAGER"));
        mvc.perform(formLogin("/login").user(DemoUsers.SALES).password(DemoUsers.SALES_PASSWORD))
                .andExpect(authenticated().withUsername("sales").withRoles("SALESPERSON"));
    }

    @Test
    void usernameIsNotCaseSensitive() throws Exception {
        mvc.perform(formLogin("/login").user("Manager").password(DemoUsers.MANAGER_PASSWORD))
                .andExpect(authenticated().withUsername("manager"));
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() throws Exception {
        mvc.perform(formLogin("/login").user(DemoUsers.MANAGER).password("wrong"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin("/login").user("nobody").password("wrong"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void deactivatedUserCannotSignIn() throws Exception {
        jdbc.update("UPDATE app_user SET active = FALSE WHERE username = 'sales'");
        try {
            mvc.perform(formLogin("/login").user(DemoUsers.SALES).password(DemoUsers.SALES_PASSWORD))
                    .andExpect(unauthenticated())
                    .andExpect(redirectedUrl("/login?error"));
        } finally {
            jdbc.update("UPDATE app_user SET active = TRUE WHERE username = 'sales'");
        }
    }
}
