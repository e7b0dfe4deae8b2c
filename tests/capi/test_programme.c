/* Tests of the C ABI: the built-in catalogue and programmes (harness: check.h). */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

void test_catalogue(void) {
    size_t n = 0, i;
    const char *id = "x";
    char *json = (char *)"x";
    int found_trainer = 0;
    TEST("the catalogue lists the built-in programmes");
    OK(smart_catalogue_count(&n));
    CHECK(n == 6);
    for (i = 0; i < n; ++i) {
        OK(smart_catalogue_id(&id, i));
        CHECK(id != NULL && id[0] != '\0');
        if (id && strcmp(id, "smart-trener-2024") == 0) found_trainer = 1;
    }
    CHECK(found_trainer);
    EXPECT(smart_catalogue_id(&id, n), SMART_EINVAL);
    CHECK(id == NULL);
    EXPECT(smart_catalogue_id(NULL, 0), SMART_EINVAL);

    TEST("a built-in programme document is handed out as JSON text");
    OK(smart_catalogue_json(&json, "smart-leder-2024"));
    CHECK(contains(json, "\"smart.programme/1\""));
    CHECK(contains(json, "\"smart-leder-2024\""));
    smart_string_free(json);
    json = (char *)"x";
    EXPECT(smart_catalogue_json(&json, "no-such-programme"), SMART_ENOTFOUND);
    CHECK(json == NULL);
    CHECK(contains(smart_error_last()->message, "no-such-programme"));
    EXPECT(smart_catalogue_json(&json, NULL), SMART_EINVAL);
    EXPECT(smart_catalogue_json(NULL, "smart-leder-2024"), SMART_EINVAL);
}

void test_programmes(void) {
    smart_programme *p = NULL, *q = NULL;
    const char *s = NULL;
    char *json = NULL;
    size_t n = 0;
    TEST("a built-in programme: id, names in three languages, requirements");
    OK(smart_programme_from_catalogue(&p, "smart-trener-2024"));
    CHECK(p != NULL);
    OK(smart_programme_id(&s, p));
    CHECK(s && strcmp(s, "smart-trener-2024") == 0);
    OK(smart_programme_name(&s, p, SMART_LANG_NB));
    CHECK(contains(s, "trenerutdanning"));
    OK(smart_programme_name(&s, p, SMART_LANG_NN));
    CHECK(contains(s, "trenarutdanning"));
    OK(smart_programme_name(&s, p, SMART_LANG_EN));
    CHECK(contains(s, "trainer"));
    EXPECT(smart_programme_name(&s, p, (smart_lang)3), SMART_EINVAL);
    CHECK(s == NULL);
    EXPECT(smart_programme_name(&s, p, (smart_lang)-1), SMART_EINVAL);
    OK(smart_programme_requirement_count(&n, p));
    CHECK(n == 4);
    OK(smart_programme_requirement_id(&s, p, 0));
    CHECK(s && strcmp(s, "attendance") == 0);
    OK(smart_programme_requirement_id(&s, p, 3));
    CHECK(s && strcmp(s, "festival") == 0);
    EXPECT(smart_programme_requirement_id(&s, p, 4), SMART_EINVAL);
    EXPECT(smart_programme_requirement_id(NULL, p, 0), SMART_EINVAL);
    EXPECT(smart_programme_requirement_count(NULL, p), SMART_EINVAL);
    EXPECT(smart_programme_requirement_count(&n, NULL), SMART_EINVAL);
    EXPECT(smart_programme_id(&s, NULL), SMART_EINVAL);
    EXPECT(smart_programme_id(NULL, p), SMART_EINVAL);
    EXPECT(smart_programme_name(NULL, p, SMART_LANG_NB), SMART_EINVAL);
    EXPECT(smart_programme_name(&s, NULL, SMART_LANG_NB), SMART_EINVAL);

    TEST("a programme saved as JSON loads again");
    OK(smart_programme_save_json(&json, p));
    CHECK(contains(json, "\"format\": \"smart.programme/1\""));
    OK(smart_programme_load_json(&q, json));
    OK(smart_programme_id(&s, q));
    CHECK(s && strcmp(s, "smart-trener-2024") == 0);
    smart_string_free(json);
    smart_programme_free(q);
    q = NULL;
    EXPECT(smart_programme_save_json(NULL, p), SMART_EINVAL);
    EXPECT(smart_programme_save_json(&json, NULL), SMART_EINVAL);
    CHECK(json == NULL);

    TEST("a programme loads from a file");
    OK(smart_programme_load_file(&q, SMART_SOURCE_DIR "/examples/programmes/smart-leder-2024.json"));
    OK(smart_programme_id(&s, q));
    CHECK(s && strcmp(s, "smart-leder-2024") == 0);
    smart_programme_free(q);
    q = (smart_programme *)&n;
    EXPECT(smart_programme_load_file(&q, SMART_SOURCE_DIR "/no/such/file.json"), SMART_ENOTFOUND);
    CHECK(q == NULL);
    EXPECT(smart_programme_load_file(&q, NULL), SMART_EINVAL);
    EXPECT(smart_programme_load_file(NULL, "x.json"), SMART_EINVAL);

    TEST("malformed programme JSON is a parse error, a bad value a validation error with its pointer");
    EXPECT(smart_programme_load_json(&q, "{\"format\": "), SMART_EPARSE);
    CHECK(q == NULL);
    CHECK(contains(smart_error_last()->message, "malformed JSON"));
    EXPECT(smart_programme_load_json(&q, "\x01\x02garbage\xff"), SMART_EPARSE);
    EXPECT(smart_programme_load_json(&q, "{\"format\": \"smart.programme/1\", \"id\": \"Bad Id\", \"name\": \"x\"}"),
           SMART_EVALIDATION);
    CHECK(last_pointer_is("/id"));
    CHECK(contains(smart_error_last()->message, "/id: "));
    EXPECT(smart_programme_load_json(&q, "{\"format\": \"smart.cohort/1\"}"), SMART_EVALIDATION);
    CHECK(last_pointer_is("/format"));
    EXPECT(smart_programme_load_json(&q, NULL), SMART_EINVAL);
    EXPECT(smart_programme_load_json(NULL, "{}"), SMART_EINVAL);

    TEST("an unknown catalogue id is not found");
    q = (smart_programme *)&n;
    EXPECT(smart_programme_from_catalogue(&q, "smart-nothing"), SMART_ENOTFOUND);
    CHECK(q == NULL);
    EXPECT(smart_programme_from_catalogue(&q, NULL), SMART_EINVAL);
    EXPECT(smart_programme_from_catalogue(NULL, "smart-trener-2024"), SMART_EINVAL);
    smart_programme_free(p);
}
