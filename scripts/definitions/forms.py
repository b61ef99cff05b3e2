"""form-js schemas for the 34 unit forms and the shared task forms (used by generate.py).

Conventions (docs/forms.md): Chinese labels; validate {required, pattern, min, max, minLength,
maxLength}; values for select/radio/checklist; group without `path` is only visual, with `path`
nests its fields; dynamiclist always has `path` and gives an array of objects; a file reference is
form-js's own `filepicker` (value: the stored file's id, or an array of ids when `multiple`).
"""

from __future__ import annotations

import json
import os

SCHEMA_VERSION = 16
_counter = [0]


def _id(key):
    _counter[0] += 1
    return f"Field_{key or 'c'}_{_counter[0]}"


def _v(**rules):
    return {k: v for k, v in rules.items() if v is not None and v is not False}


def field(type_, key, label, required=True, **extra):
    validate = _v(required=required, pattern=extra.pop("pattern", None), minLength=extra.pop("minLength", None),
                  maxLength=extra.pop("maxLength", None), min=extra.pop("min", None), max=extra.pop("max", None))
    c = {"id": _id(key), "key": key, "label": label, "type": type_}
    c.update(extra)
    if validate:
        c["validate"] = validate
    return c


def tf(key, label, required=True, pattern=None, minLength=None, maxLength=100):
    return field("textfield", key, label, required, pattern=pattern, minLength=minLength, maxLength=maxLength)


def ta(key, label, required=True, minLength=None, maxLength=2000):
    return field("textarea", key, label, required, minLength=minLength, maxLength=maxLength)


def num(key, label, min=None, max=None, required=True, decimalDigits=None):
    extra = {"decimalDigits": decimalDigits} if decimalDigits is not None else {}
    return field("number", key, label, required, min=min, max=max, **extra)


def opts(values):
    return [{"value": v, "label": label} for v, label in values]


def sel(key, label, values, required=True):
    return field("select", key, label, required, values=opts(values))


def radio(key, label, values, required=True):
    return field("radio", key, label, required, values=opts(values))


def check(key, label, required=False):
    return field("checkbox", key, label, required)


def checklist(key, label, values, required=True):
    return field("checklist", key, label, required, values=opts(values))


def dt(key, label, subtype="date", required=True):
    c = field("datetime", key, label, required, subtype=subtype)
    c["dateLabel" if subtype != "time" else "timeLabel"] = label
    return c


def file(key, label, required=True, multiple=False, accept=".pdf,.jpg,.jpeg,.png"):
    return field("filepicker", key, label, required, multiple=multiple, accept=accept)


def group(label, components, path=None):
    c = {"id": _id("group"), "type": "group", "label": label, "components": components, "showOutline": True}
    if path:
        c["path"] = path
    return c


def dynlist(path, label, components, required=True, maxLength=500):
    c = {"id": _id(path), "type": "dynamiclist", "path": path, "label": label, "components": components,
         "isRepeating": True, "defaultRepetitions": 1, "allowAddRemove": True}
    rules = _v(required=required, maxLength=maxLength)
    if rules:
        c["validate"] = rules
    return c


# ---- shared fields -----------------------------------------------------------------------------
EQUIPMENT_CODE = r"^([0-9A-Z]{18}|[0-9]{20})$"
CREDIT_CODE = r"^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$"
PHONE = r"^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$"
ID_CARD = r"^[1-9][0-9]{5}(19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9X]$"
LICENCE_NO = r"^TS[0-9]{7}-20[0-9]{2}$"
CATEGORIES = [("1000", "锅炉"), ("2000", "压力容器"), ("3000", "电梯"), ("4000", "起重机械"), ("5000", "场（厂）内专用机动车辆"),
              ("6000", "大型游乐设施"), ("8000", "压力管道"), ("9000", "客运索道")]


def equipment():
    return tf("equipmentCode", "设备代码", pattern=EQUIPMENT_CODE, maxLength=20)


def organisation():
    return group("单位信息", [tf("organisationName", "单位名称", maxLength=100),
                            tf("creditCode", "统一社会信用代码", pattern=CREDIT_CODE, maxLength=18)])


def contact():
    return group("联系人", [tf("contactName", "联系人", maxLength=50), tf("contactPhone", "联系电话", pattern=PHONE, maxLength=20)])


def device_basics():
    return group("设备信息", [equipment(), sel("category", "设备种类", CATEGORIES), tf("variety", "设备品种（代码）", pattern=r"^[0-9A-Z]{4}$", maxLength=4),
                            tf("address", "设备使用地点", maxLength=200)])


def notice_form(work):
    return [organisation(), tf("licenceNo", "安装改造修理许可证编号", pattern=LICENCE_NO, maxLength=20), device_basics(),
            dt("plannedStart", f"计划{work}开工日期"), dt("plannedEnd", f"计划{work}竣工日期"),
            tf("userOrganisation", "使用单位名称", maxLength=100), contact(),
            file("licenceCopy", "许可证复印件"), file("noticeSheet", "施工告知单（盖章）"),
            file("otherDocuments", "其他资料（规划、施工许可等，按需）", required=False, multiple=True)]


# ---- unit forms --------------------------------------------------------------------------------
LICENCE_SCOPES = [("manufacture", "制造"), ("installation", "安装"), ("renovation", "改造"), ("repair", "修理"), ("filling", "充装")]

UNIT_FORMS = {
    "01": [organisation(), contact(), checklist("scopes", "申请许可项目", LICENCE_SCOPES), checklist("categories", "设备种类", CATEGORIES),
           tf("factoryAddress", "生产地址", maxLength=200), num("technicians", "专业技术人员数", min=1, max=100000),
           tf("inspectionBody", "鉴定评审机构", maxLength=100),
           file("qualityManual", "质量保证手册"), file("attachments", "其他申请材料", required=False, multiple=True)],
    "02": [organisation(), contact(), tf("licenceNo", "许可证编号", pattern=LICENCE_NO, maxLength=20), dt("expiresOn", "许可证有效期至"),
           ta("performance", "许可期内生产情况", maxLength=2000), tf("inspectionBody", "鉴定评审机构", maxLength=100),
           file("attachments", "换证申请材料", multiple=True)],
    "03": [organisation(), contact(), tf("licenceNo", "许可证编号", pattern=LICENCE_NO, maxLength=20),
           radio("changeKind", "变更类型", [("name", "单位名称变更"), ("address", "地址变更"), ("representative", "法定代表人变更"),
                                          ("addScope", "增项"), ("upgrade", "升级")]),
           ta("changeDetail", "变更内容", minLength=5), tf("inspectionBody", "鉴定评审机构（增项、升级时填写）", required=False, maxLength=100),
           file("attachments", "证明材料", multiple=True)],
    "04": [organisation(), tf("licenceNo", "许可证编号", pattern=LICENCE_NO, maxLength=20), ta("reason", "注销原因", minLength=5),
           file("originalLicence", "许可证原件扫描件")],
    "05": [organisation(), tf("licenceNo", "制造许可证编号", pattern=LICENCE_NO, maxLength=20), device_basics(),
           tf("productNo", "产品编号", maxLength=50), dt("manufacturedOn", "制造日期"), file("dataSheet", "产品数据表"),
           file("certificate", "产品合格证")],
    "06": [device_basics(), dt("validUntil", "检验有效期至"), radio("inspectionKind", "检验类别", [("periodic", "定期检验"), ("early", "提前检验")]),
           tf("inspectionBody", "检验机构", maxLength=100), contact(), file("lastReport", "上次检验报告", required=False)],
    "07": [equipment(), tf("applicationNo", "申报单号", maxLength=40), dt("plannedDate", "计划检验日期"), ta("remark", "备注", required=False)],
    "08": [equipment(), tf("reportNo", "检验报告编号", maxLength=40), ta("defects", "不合格项目", minLength=2), dt("deadline", "整改期限")],
    "09": [device_basics(), dt("validUntil", "检验有效期至"), dt("requestedDate", "申请延期至"),
           sel("reason", "延期原因", [("disaster", "自然灾害"), ("epidemic", "疫情"), ("stopped", "设备停用"), ("other", "其他")]),
           ta("explanation", "情况说明", minLength=10), file("attachments", "证明材料", required=False, multiple=True)],
    "10": [equipment(), tf("testingBody", "检测机构", maxLength=100), dt("testedOn", "检测日期"),
           radio("result", "检测结论", [("pass", "合格"), ("fail", "不合格")]), ta("findings", "发现问题", required=False),
           file("report", "自行检测报告")],
    "11": [organisation(), contact(), device_basics(), tf("manufacturer", "制造单位", maxLength=100), dt("manufacturedOn", "制造日期"),
           dt("commissionedOn", "投入使用日期"), tf("safetyManager", "安全管理员", maxLength=50),
           file("registrationForm", "使用登记表"), file("productCertificate", "产品合格证（含产品数据表）"),
           file("supervisionCertificate", "监督检验证明"), file("energyEfficiency", "锅炉能效证明（锅炉）", required=False)],
    "12": [organisation(), device_basics(), tf("certificateNo", "使用登记证编号", maxLength=30),
           radio("changeKind", "变更类别", [("renovation", "改造"), ("relocation", "移装"), ("transfer", "变更使用单位"), ("rename", "使用单位更名"),
                                           ("address", "使用地址变更"), ("designLife", "达到设计使用年限继续使用")]),
           ta("changeDetail", "变更内容", minLength=5), file("attachments", "证明材料", multiple=True)],
    "13": [organisation(), equipment(), tf("certificateNo", "使用登记证编号", maxLength=30), dt("stoppedOn", "停用日期"),
           dt("plannedRestart", "预计启用日期", required=False), ta("measures", "停用期间保护措施", minLength=5),
           check("signPosted", "已在显著位置设置停用标志", required=True)],
    "14": [organisation(), equipment(), tf("certificateNo", "使用登记证编号", maxLength=30), dt("selfInspectedOn", "自行检查日期"),
           check("inspectionExpired", "定期检验有效期已过", required=False), file("selfInspection", "自行检查记录")],
    "15": [organisation(), equipment(), tf("certificateNo", "使用登记证编号", maxLength=30), dt("scrappedOn", "报废日期"),
           ta("reason", "报废原因", minLength=5), check("ownerAuthorised", "非产权单位已取得产权单位书面授权", required=False),
           file("scrapForm", "停用报废注销登记表")],
    "16": [organisation(), equipment(), tf("certificateNo", "使用登记证编号", maxLength=30),
           radio("reason", "补证原因", [("lost", "遗失"), ("damaged", "损毁")]), file("statement", "遗失声明或损毁证明")],
    "17": [organisation(), contact(), radio("kind", "登记类别", [("cylinder", "气瓶"), ("industrialPiping", "工业管道")]),
           dynlist("items", "设备清单", [equipment(), tf("serialNo", "出厂编号", maxLength=50),
                                       num("pressure", "工作压力（MPa）", min=0, max=1000, decimalDigits=2),
                                       num("volume", "容积（L）或长度（m）", min=0, max=1000000, decimalDigits=1)]),
           file("summarySheet", "基本信息汇总表"), file("inspectionProof", "检验证明")],
    "18": notice_form("安装"),
    "19": notice_form("改造"),
    "20": notice_form("重大修理"),
    "21": notice_form("移装") + [tf("newAddress", "移装后使用地点", maxLength=200)],
    "22": [organisation(), device_basics(), radio("workKind", "施工类别", [("installation", "安装"), ("renovation", "改造"), ("majorRepair", "重大修理")]),
           tf("noticeNo", "施工告知编号", maxLength=40), tf("inspectionBody", "检验机构", maxLength=100), contact(),
           file("constructionPlan", "施工方案")],
    "23": [equipment(), tf("applicationNo", "监督检验申请单号", maxLength=40), dt("plannedDate", "计划检验日期")],
    "24": [organisation(), equipment(), tf("maintenanceUnit", "维保单位", maxLength=100),
           tf("maintenanceCredit", "维保单位统一社会信用代码", pattern=CREDIT_CODE, maxLength=18),
           dt("contractFrom", "合同起始日期"), dt("contractTo", "合同终止日期"), file("contract", "维保合同")],
    "25": [equipment(), dt("maintainedAt", "维保时间", subtype="datetime"),
           radio("level", "维保类别", [("halfMonth", "半月"), ("quarter", "季度"), ("halfYear", "半年"), ("year", "年度")]),
           checklist("items", "维保项目", [("clean", "清洁"), ("lubricate", "润滑"), ("adjust", "调整"), ("check", "检查")]),
           ta("findings", "发现问题及处理", required=False), tf("maintainer", "维保人员", maxLength=50),
           tf("maintainerCertificate", "维保人员证书编号", maxLength=30)],
    "26": [organisation(), group("作业人员", [tf("personName", "姓名", maxLength=50), tf("idNumber", "身份证号", pattern=ID_CARD, maxLength=18)],
                                 path="person"),
           sel("item", "作业项目", [("A", "A 特种设备安全管理"), ("G1", "G1 工业锅炉司炉"), ("G2", "G2 电站锅炉司炉"), ("G3", "G3 锅炉水处理"),
                                    ("R1", "R1 快开门式压力容器操作"), ("R2", "R2 移动式压力容器充装"), ("R3", "R3 氧舱维护保养"), ("P", "P 气瓶充装"),
                                    ("T", "T 电梯修理"), ("Q1", "Q1 起重机指挥"), ("Q2", "Q2 起重机司机"), ("S1", "S1 客运索道修理"),
                                    ("S2", "S2 客运索道司机"), ("Y1", "Y1 大型游乐设施修理"), ("Y2", "Y2 大型游乐设施操作"), ("N1", "N1 叉车司机"),
                                    ("N2", "N2 观光车和观光列车司机"), ("F", "F 安全阀校验")]),
           tf("inspectionBody", "考试机构", maxLength=100), file("photo", "证件照", accept=".jpg,.jpeg,.png"), file("training", "培训证明")],
    "27": [organisation(), group("作业人员", [tf("personName", "姓名", maxLength=50), tf("idNumber", "身份证号", pattern=ID_CARD, maxLength=18)],
                                 path="person"),
           tf("certificateNo", "证书编号", maxLength=30), dt("expiresOn", "证书有效期至"), num("age", "年龄", min=16, max=65),
           check("noViolation", "持证期间无违章作业、无责任事故", required=True),
           check("continuousWork", "从业记录中断不超过1年", required=True), file("workRecord", "从业记录")],
    "28": [organisation(), dynlist("staff", "安全管理人员", [tf("name", "姓名", maxLength=50),
                                                            radio("role", "岗位", [("director", "安全总监"), ("officer", "安全员")]),
                                                            sel("category", "负责设备种类", CATEGORIES),
                                                            tf("certificateNo", "证书编号", required=False, maxLength=30)]),
           file("appointment", "任命文件")],
    "29": [organisation(), radio("checkKind", "自查类型", [("daily", "日管控"), ("weekly", "周排查"), ("monthly", "月调度")]),
           dt("checkedOn", "自查日期"), check("hazardsFound", "发现隐患"),
           radio("hazardLevel", "隐患等级", [("none", "无"), ("general", "一般事故隐患"), ("serious", "严重事故隐患")]),
           dynlist("hazards", "隐患清单", [equipment(), ta("description", "隐患描述", minLength=2, maxLength=500)], required=False),
           ta("summary", "自查情况（零风险也须填写）", minLength=2)],
    "30": [equipment(), sel("topic", "投诉类别", [("fault", "设备故障"), ("noInspection", "超期未检"), ("noMaintenance", "未按期维保"),
                                                  ("unsafe", "违规使用"), ("other", "其他")]),
           ta("description", "情况描述", minLength=10, maxLength=1000), tf("contactPhone", "联系电话（用于答复，可不填）", required=False,
                                                                          pattern=PHONE, maxLength=20),
           file("photos", "现场照片", required=False, multiple=True, accept=".jpg,.jpeg,.png")],
    "31": [tf("orderNo", "安全监察指令书编号", maxLength=40), tf("organisationName", "被检查单位", maxLength=100), equipment(),
           ta("hazard", "隐患及违法事实", minLength=5), dt("deadline", "整改期限"), check("stopUse", "责令停止使用"),
           file("order", "安全监察指令书")],
    "32": [tf("planName", "抽查计划名称", maxLength=100), dt("planFrom", "计划开始日期"), dt("planTo", "计划结束日期"),
           dynlist("targets", "抽取的检查对象", [num("organisationId", "单位编号", min=1, max=9007199254740991),
                                               tf("organisationName", "单位名称", maxLength=100),
                                               tf("inspectors", "执法人员（随机抽取）", maxLength=100)]),
           checklist("items", "抽查事项", [("registration", "使用登记"), ("inspection", "定期检验"), ("maintenance", "维护保养"),
                                           ("operators", "作业人员持证"), ("selfCheck", "日管控、周排查、月调度")])],
    "33": [organisation(), equipment(), dt("occurredAt", "事故发生时间", subtype="datetime"), tf("place", "事故地点", maxLength=200),
           num("deaths", "死亡人数", min=0, max=100000), num("seriousInjuries", "重伤人数", min=0, max=100000),
           num("directLoss", "直接经济损失（万元）", min=0, max=100000000, decimalDigits=2),
           sel("accidentLevel", "初步判定等级", [("extraordinary", "特别重大"), ("serious", "重大"), ("major", "较大"), ("general", "一般")]),
           ta("description", "事故经过", minLength=10), contact()],
    "34": [equipment(), dt("arrivedAt", "到达现场时间", subtype="datetime"), dt("rescuedAt", "救援完成时间", subtype="datetime", required=False),
           num("trapped", "被困人数", min=0, max=100), sel("faultCode", "故障类型", [("trapped", "困人"), ("doorOpenRunning", "开门走车"),
                                                                                 ("overspeed", "超速"), ("powerFailure", "停电"), ("other", "其他")]),
           check("hazardFound", "存在隐患"), check("accident", "构成事故"), ta("handling", "处置经过", minLength=2)],
}

# ---- task forms shared by several definitions -------------------------------------------------
TASK_FORMS = {
    "decision": ("审查决定", [radio("decision", "审查结论", [("approve", "同意"), ("return", "退回补正"), ("reject", "不同意")]),
                              ta("comment", "审查意见（必填，退回或不同意时写明理由）", minLength=2, maxLength=2000)]),
    "decision-receipt": ("签收决定", [check("acknowledged", "已阅知决定内容及理由", required=True), ta("remark", "备注", required=False)]),
    "inspection-assignment": ("派发检验任务", [tf("inspectorUser", "检验人员（用户名）", maxLength=64), dt("plannedDate", "计划检验日期"),
                                               dynlist("reportSigners", "报告签署人（依次）",
                                                       [tf("userId", "用户名", maxLength=64),
                                                        sel("role", "签署环节", [("compile", "编制"), ("review", "审核"), ("approve", "批准")])])]),
    "inspection-result": ("检验（检查）结论", [radio("result", "结论", [("pass", "合格"), ("fail", "不合格")]),
                                                tf("reportNo", "报告编号", maxLength=40), dt("inspectedOn", "检验日期"),
                                                ta("conclusion", "结论说明", minLength=2), file("report", "报告文件")]),
    "accident-investigation": ("事故调查", [dynlist("investigators", "调查组成员（会签报告）",
                                                    [tf("userId", "用户名", maxLength=64), tf("unit", "所在单位", maxLength=100)]),
                                            ta("findings", "调查结论", minLength=10), file("report", "事故调查报告")]),
    "inspection-summary": ("汇总检查结果", [ta("summary", "检查情况汇总", minLength=5), check("hazardsFound", "发现事故隐患"),
                                            ta("description", "隐患情况（发现隐患时填写）", required=False, maxLength=500)]),
    "rectification": ("整改报告", [ta("measures", "整改措施", minLength=5), dt("completedOn", "整改完成日期"),
                                    file("evidence", "整改证明材料", multiple=True)]),
}


def schema(form_id, components):
    return {"$schema": "https://unpkg.com/@bpmn-io/form-json-schema/resources/schema.json", "type": "default", "id": form_id,
            "schemaVersion": SCHEMA_VERSION, "exporter": {"name": "ApprovalHub scripts/definitions/generate.py", "version": "1"},
            "components": components}


def write_forms(catalog, folder):
    os.makedirs(folder, exist_ok=True)
    for u in catalog["units"]:
        key = os.path.splitext(os.path.basename(u["form"]))[0]
        doc = schema(key, UNIT_FORMS[u["code"]])
        doc["title"] = u["name"]["zh"]
        _write(folder, key, doc)
    for key, (title, comps) in TASK_FORMS.items():
        doc = schema(key, comps)
        doc["title"] = title
        _write(folder, key, doc)


def _write(folder, key, doc):
    with open(os.path.join(folder, f"{key}.form"), "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")
