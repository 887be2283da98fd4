package io.flowdesk.identity;

import io.flowdesk.identity.internal.DepartmentEntity;
import io.flowdesk.identity.internal.UserEntity;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/** Reference departments (always) and demo users (when {@code flowdesk.demo=true}); idempotent. */
@ApplicationScoped
public class DemoUsers {

    public static final List<Department> DEPARTMENTS = List.of(
            new Department("customer-service", "客服", "Customer service"),
            new Department("cs-supervisor", "客服主管", "Customer service supervisors"),
            new Department("warehouse", "仓储", "Warehouse"),
            new Department("finance", "财务", "Finance"),
            new Department("it-support", "IT 支持", "IT support"),
            new Department("it-oncall", "IT 值班", "IT on-call"),
            new Department("engineering", "研发", "Engineering"),
            new Department("qa", "测试", "QA"));

    /** username, display name, roles, departments, email, phone, locale */
    public record DemoUser(String username, String displayName, String roles, Set<String> departments,
            String email, String phone, String locale) {
    }

    public static final List<DemoUser> USERS = List.of(
            new DemoUser("admin", "系统管理员 Admin", "admin", Set.of(), "admin@flowdesk.local", null, "zh-CN"),
            new DemoUser("designer", "流程设计师 Designer", "designer", Set.of(), "designer@flowdesk.local", null, "zh-CN"),
            new DemoUser("supervisor", "客服主管 Supervisor", "supervisor,agent",
                    Set.of("customer-service", "cs-supervisor"), "supervisor@flowdesk.local", null, "zh-CN"),
            new DemoUser("agent1", "客服 Agent 1", "agent", Set.of("customer-service"), "agent1@flowdesk.local", null, "zh-CN"),
            new DemoUser("agent2", "客服 Agent 2", "agent", Set.of("customer-service", "it-support"),
                    "agent2@flowdesk.local", null, "en"),
            new DemoUser("warehouse1", "仓储 Warehouse 1", "staff", Set.of("warehouse"), "warehouse1@flowdesk.local", null, "zh-CN"),
            new DemoUser("finance1", "财务 Finance 1", "staff", Set.of("finance"), "finance1@flowdesk.local", null, "zh-CN"),
            new DemoUser("engineer1", "研发 Engineer 1", "staff", Set.of("engineering", "it-support"),
                    "engineer1@flowdesk.local", null, "en"),
            new DemoUser("tester1", "测试 Tester 1", "staff", Set.of("qa"), "tester1@flowdesk.local", null, "zh-CN"),
            new DemoUser("oncall1", "值班 On-call 1", "staff", Set.of("it-oncall", "it-support"),
                    "oncall1@flowdesk.local", null, "en"),
            new DemoUser("partner1", "顺丰物流 SF Partner", "partner", Set.of(), "partner1@sf-partner.example", null, "zh-CN"),
            new DemoUser("customer1", "张三 Customer 1", "customer", Set.of(), "customer1@example.com", "13800001111", "zh-CN"),
            new DemoUser("customer2", "Jane Customer 2", "customer", Set.of(), "customer2@example.com", "13900002222", "en"));

    public static final String DEMO_PASSWORD = "demo";

    @WithTransaction
    public Uni<Void> ensureDepartments() {
        return Multi.createFrom().iterable(DEPARTMENTS).onItem().transformToUniAndConcatenate(d -> DepartmentEntity
                .<DepartmentEntity>findById(d.key()).chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().voidItem();
                    }
                    DepartmentEntity entity = new DepartmentEntity();
                    entity.key = d.key();
                    entity.nameZh = d.nameZh();
                    entity.nameEn = d.nameEn();
                    return entity.persist().replaceWithVoid();
                })).collect().last().replaceWithVoid();
    }

    /** Creates missing demo users; existing users (and their passwords) are left alone. */
    public Uni<Integer> ensureDemoUsers(String passwordHash) {
        return Multi.createFrom().iterable(USERS).onItem()
                .transformToUniAndConcatenate(u -> createIfMissing(u.username(), u.displayName(), u.roles(),
                        u.departments(), u.email(), u.phone(), u.locale(), passwordHash))
                .collect().asList().map(list -> (int) list.stream().filter(Boolean::booleanValue).count());
    }

    @WithTransaction
    public Uni<Boolean> createIfMissing(String username, String displayName, String roles, Set<String> departments,
            String email, String phone, String locale, String passwordHash) {
        return UserEntity.<UserEntity>find("username", username).firstResult().chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(false);
            }
            UserEntity user = new UserEntity();
            user.username = username;
            user.displayName = displayName;
            user.roles = roles;
            user.departments = new java.util.HashSet<>(departments);
            user.email = email;
            user.phone = phone;
            user.locale = locale;
            user.passwordHash = passwordHash;
            return user.persist().replaceWith(true);
        });
    }
}
